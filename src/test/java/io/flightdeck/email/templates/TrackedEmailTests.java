package io.flightdeck.email.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.email.tracking.WebLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which links of an email are tracked and how: every web link, one with merge fields too (filled for the recipient,
 * exactly as the HTML fills it, before it is signed); never a link that is nothing but a merge field (the way out) or
 * a mailto link; and one link that cannot be tracked goes out untracked without failing the message.
 */
class TrackedEmailTests {

    private static final EmailFooter FOOTER = new EmailFooter("1 Main St", "https://fd.example/t/u/TOKEN",
            "https://fd.example/email/preferences/TOKEN", "");

    /** Stands for the send's signed redirect: the index and the address it would go on to. */
    private static String click(int index, WebLink target) {
        return "https://fd.example/t/c/" + index + "?to=" + target.address();
    }

    @Test
    void aLinkWithAMergeFieldIsTrackedFilledForEachRecipientWhileTheWayOutAndMailStayAsTheyAre() {
        TrackedEmail email = TrackedEmail.prepare(new EmailContent("Hi", "", """
                <p><a href="https://shop.example/?who={{email}}&amp;city={{city | "none"}}">yours</a>
                <a href="https://shop.example/sale?tag=a|b">sale</a> <a href="mailto:help@shop.example">mail us</a>
                <a href="{{preferences_url}}">preferences</a></p>"""));
        assertThat(email.links()).isEqualTo(2);
        assertThat(email.untracked()).isEmpty();

        List<TrackedEmail.Untracked> untracked = new ArrayList<>();
        RenderedEmail ana = email.render(EmailRendering.valuesOf("ana+news@example.com", "Ana Lima",
                Map.of("city", "São Paulo")), FOOTER, TrackedEmailTests::click, untracked::add);
        // the field is percent-encoded as in an untracked link, then read as a browser reads the whole address
        assertThat(ana.html()).contains(
                "href=\"https://fd.example/t/c/0?to=https://shop.example/?who=ana%2Bnews%40example.com&amp;city=S%C3%A3o+Paulo\"",
                "href=\"https://fd.example/t/c/1?to=https://shop.example/sale?tag=a%7Cb\"",
                "href=\"mailto:help@shop.example\"", "href=\"https://fd.example/email/preferences/TOKEN\"",
                "href=\"https://fd.example/t/u/TOKEN\"");
        RenderedEmail lee = email.render(EmailRendering.valuesOf("lee@example.com", "Lee", Map.of()), FOOTER,
                TrackedEmailTests::click, untracked::add);
        assertThat(lee.html()).contains("?to=https://shop.example/?who=lee%40example.com&amp;city=none\"");
        assertThat(lee.text()).contains("https://fd.example/t/c/0?to=");
        assertThat(untracked).isEmpty();
    }

    @Test
    void aLinkThatCannotBeTrackedGoesOutUntrackedAndIsReportedRatherThanFailingTheMessage() {
        // stored before links were checked: an address browsers cannot open stays as written, for everyone
        TrackedEmail email = TrackedEmail.prepare(new EmailContent("Hi", "", """
                <p><a href="https://">empty</a> <a href="{{website}}/offer">theirs</a>
                <a href="https://shop.example/{{path}}">path</a></p>"""));
        assertThat(email.links()).isEqualTo(2);
        assertThat(email.untracked()).extracting(TrackedEmail.Untracked::reason)
                .containsExactly("the address has no host name.");

        List<TrackedEmail.Untracked> untracked = new ArrayList<>();
        // the signer refuses this recipient's address (an address too long, say): it goes to them untracked
        RenderedEmail rendered = email.render(EmailRendering.valuesOf("ana@example.com", "Ana", Map.of("path",
                "spring", "website", "https://ana.example")), FOOTER, (index, target) -> {
                    throw new io.flightdeck.shared.InvalidInputException("targetUrl", "The address is too long");
                }, untracked::add);
        // (the sanitiser writes the empty address as https:)
        assertThat(rendered.html()).contains("href=\"https:\"", "href=\"https://ana.example/offer\"",
                "href=\"https://shop.example/spring\"");
        assertThat(untracked).containsExactly(new TrackedEmail.Untracked(0, "The address is too long"),
                new TrackedEmail.Untracked(1, "The address is too long"));
        // a field that starts a link and is filled with a mail address goes out as it is, untracked and unreported
        untracked.clear();
        assertThat(email.render(Map.of("website", "mailto:ana@example.com", "path", "x"), FOOTER,
                TrackedEmailTests::click, untracked::add).html()).contains("href=\"mailto:ana@example.com/offer\"");
        assertThat(untracked).isEmpty();
    }
}
