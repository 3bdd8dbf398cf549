package io.flightdeck.email.templates;

import java.util.Map;

import io.flightdeck.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Merge fields checked by hand: fallbacks for missing and blank values, escaping in the HTML part and its attributes
 * but not in the text part and subject, addresses that cannot be made to run script, bad syntax named with its line
 * and column; the footer every email carries; the preheader; and the speed a send needs.
 */
class EmailRenderingTests {

    private static final EmailFooter FOOTER = new EmailFooter("Acme, 1 Main St, Lisbon",
            "https://app.example/u/abc?x=1&y=2", "https://app.example/p/abc", "");

    @Test
    void fieldsTakeTheContactsValuesOrTheFallbackAndAreEscapedOnlyInHtml() {
        PreparedEmail email = EmailRendering.prepare(new EmailContent("Hi {{first_name | \"there\"}} & {{city}}",
                "For {{name}}", """
                <p title="{{plan | "a plan"}}">Hello {{first_name | "there"}} from {{city | "your city"}}.</p>
                <p>{{postal_address}} <a href="{{unsubscribe_url}}">Unsubscribe</a></p>"""));
        Map<String, String> values = EmailRendering.valuesOf("ana@example.com", "  Ana  Maria Lima ",
                Map.of("city", "<Porto & Braga>", "plan", "\"pro\"", "first_name", "ignored"));
        assertThat(values).containsEntry("first_name", "Ana").containsEntry("last_name", "Maria Lima")
                .containsEntry("name", "Ana Maria Lima").containsEntry("email", "ana@example.com");

        RenderedEmail rendered = email.render(values, FOOTER);
        assertThat(rendered.subject()).isEqualTo("Hi Ana & <Porto & Braga>");
        assertThat(rendered.html()).contains("Hello Ana from &lt;Porto &amp; Braga&gt;.",
                "title=\"&quot;pro&quot;\"", "href=\"https://app.example/u/abc?x=1&amp;y=2\"",
                "Acme, 1 Main St, Lisbon", ">For Ana Maria Lima");
        assertThat(rendered.text()).contains("Hello Ana from <Porto & Braga>.",
                "Unsubscribe (https://app.example/u/abc?x=1&y=2)").doesNotContain("For Ana");

        RenderedEmail blank = email.render(EmailRendering.valuesOf("bo@example.com", " ", Map.of("city", "  ")),
                FOOTER);
        assertThat(blank.subject()).isEqualTo("Hi there &");
        assertThat(blank.html()).contains("Hello there from your city.", "title=\"a plan\"");
    }

    @Test
    void aContactsValueCannotTurnALinkIntoScriptOrAddASubjectLine() {
        PreparedEmail email = EmailRendering.prepare(new EmailContent("News {{topic}}", "", """
                <a href="{{website | "https://acme.example"}}">Site</a> <img src="{{avatar}}" alt="">
                <a href="https://acme.example/search?q={{city}}">Near you</a>
                <p>{{postal_address}} <a href="{{unsubscribe_url}}">Unsubscribe</a></p>"""));
        RenderedEmail rendered = email.render(Map.of("website", "javascript:alert(1)", "avatar",
                "http://insecure.example/a.png", "city", "São Paulo & co", "topic", "x\r\nBcc: all@example.com",
                "unsubscribe_url", "javascript:alert(2)"), FOOTER);
        assertThat(rendered.html()).contains("href=\"https://acme.example\"", "src=\"\"",
                "q=S%C3%A3o+Paulo+%26+co", "href=\"https://app.example/u/abc?x=1&amp;y=2\"")
                .doesNotContain("javascript");
        assertThat(rendered.subject()).isEqualTo("News x Bcc: all@example.com");
    }

    @Test
    void badSyntaxIsRefusedNamingTheFieldAndWhere() {
        assertThatThrownBy(() -> EmailRendering.prepare(new EmailContent("Hi {{First Name}}", "", "<p>x</p>")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("subject");
                    assertThat(e.getMessage()).contains("{{First Name}}", "line 1, column 4");
                });
        assertThatThrownBy(() -> EmailRendering.prepare(new EmailContent("Hi", "", "<p>a</p>\n<p>b {{name</p>")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("html");
                    assertThat(e.getMessage()).contains("not closed", "line 2, column 6");
                });
        assertThatThrownBy(() -> EmailRendering.prepare(new EmailContent("Hi", "{{name | there}}", "<p>a</p>")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("preheader");
                    assertThat(e.getMessage()).contains("double quotes");
                });
        assertThatThrownBy(() -> EmailRendering.prepare(new EmailContent("Hi", "", "<p style=\"color: {{c}}\">a</p>")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("style");
        assertThatThrownBy(() -> EmailRendering.prepare(new EmailContent("{{}}", "", "<p>a</p>")))
                .hasMessageContaining("no name");
    }

    @Test
    void everyEmailEndsWithTheAddressAndTheUnsubscribeLinkEvenWhenItsTemplateForgotThem() {
        RenderedEmail bare = EmailRendering.prepare(new EmailContent("Hi", "", "<p>Just this.</p>"))
                .render(Map.of(), FOOTER);
        assertThat(bare.html()).containsSubsequence("Just this.", "Acme, 1 Main St, Lisbon",
                "<a href=\"https://app.example/u/abc?x=1&amp;y=2\"", "Unsubscribe", "</body>");
        assertThat(bare.text()).contains("Acme, 1 Main St, Lisbon\n\nUnsubscribe (https://app.example/u/abc?x=1&y=2)")
                .endsWith("Your email preferences\n(https://app.example/p/abc)");

        RenderedEmail half = EmailRendering.prepare(new EmailContent("Hi", "",
                "<p>{{postal_address}}</p><p>Body</p>")).render(Map.of(), FOOTER);
        assertThat(half.html().split("Acme, 1 Main St", -1)).hasSize(2);
        assertThat(half.html()).containsSubsequence("Body", "Unsubscribe</a>");

        RenderedEmail both = EmailRendering.prepare(new EmailContent("Hi", "",
                "<p>{{postal_address}} <a href=\"{{unsubscribe_url}}\">Leave</a></p>")).render(Map.of(), FOOTER);
        assertThat(both.html()).doesNotContain(">Unsubscribe<").contains(">Leave<");
    }

    @Test
    void aSendRendersTenThousandRecipientsWellUnderASecond() {
        String html = EmailHtml.sanitise(BuiltInTemplatesTests.read("newsletter"));
        PreparedEmail email = EmailRendering.prepare(new EmailContent("Hi {{first_name | \"there\"}}", "News", html));
        Map<String, String> values = EmailRendering.valuesOf("ana@example.com", "Ana Lima", Map.of("city", "Porto"));
        for (int i = 0; i < 2_000; i++) { // warm up
            email.render(values, FOOTER);
        }
        long start = System.nanoTime();
        int length = 0;
        for (int i = 0; i < 10_000; i++) {
            length += email.render(values, FOOTER).html().length();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(length).isPositive();
        assertThat(millis).as("10,000 renders took %d ms", millis).isLessThan(1_000);
    }
}
