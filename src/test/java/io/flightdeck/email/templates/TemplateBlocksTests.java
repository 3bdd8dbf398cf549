package io.flightdeck.email.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a picked block goes: before the footer's table row, before a plain footer, or at the end of the body. */
class TemplateBlocksTests {

    @Test
    void inABuiltInLayoutTheBlockIsARowBeforeTheFootersRow() {
        String newsletter = BuiltInTemplates.find("builtin-newsletter").orElseThrow().html();
        String block = TemplateBlocks.creative("Ride <in> spring", "Line one\nLine two", "Shop & save");
        String html = TemplateBlocks.insertBeforeFooter(newsletter, block);

        int footerRow = html.lastIndexOf("<tr", html.indexOf("{{postal_address}}"));
        assertThat(html.substring(0, footerRow)).endsWith("<tr><td class=\"px\" style=\"padding: 8px 40px;\">\n"
                + block + "</td></tr>\n");
        assertThat(html.replace("<tr><td class=\"px\" style=\"padding: 8px 40px;\">\n" + block + "</td></tr>\n", ""))
                .isEqualTo(newsletter);
        assertThat(block).contains("Ride &lt;in&gt; spring", "Line one<br>\nLine two", "Shop &amp; save");
        assertThat(EmailHtml.sanitiseReporting(html).removed()).isEmpty();
    }

    @Test
    void withoutATableTheBlockGoesBeforeTheFooterOrAtTheEnd() {
        String footer = "<p>Hi</p>\n<div><p>{{postal_address}}</p><a href=\"{{unsubscribe_url}}\">Leave</a></div>";
        String block = TemplateBlocks.image("https://mail.example/t/i/x", "A \"quoted\" stand", 1200);
        assertThat(TemplateBlocks.insertBeforeFooter(footer, block)).isEqualTo("<p>Hi</p>\n" + block
                + "<div><p>{{postal_address}}</p><a href=\"{{unsubscribe_url}}\">Leave</a></div>");
        assertThat(block).contains("alt=\"A &quot;quoted&quot; stand\"", "width=\"600\"", "max-width: 600px");
        assertThat(TemplateBlocks.image("https://mail.example/t/i/x", "Not measured yet", null))
                .as("no guessed width that would stretch a small picture").doesNotContain("width=")
                .contains("max-width: 100%");

        String document = "<html><body><p>Hello</p></body></html>";
        assertThat(TemplateBlocks.insertBeforeFooter(document, block))
                .isEqualTo("<html><body><p>Hello</p>" + block + "</body></html>");
        assertThat(TemplateBlocks.insertBeforeFooter("<p>Hello</p>", block)).isEqualTo("<p>Hello</p>\n" + block);
        assertThat(TemplateBlocks.altFromName("spring-fair_hero.final.png")).isEqualTo("spring fair hero.final");
    }
}
