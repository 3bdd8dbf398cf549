package io.flightdeck.email.templates;

import java.util.HashMap;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.support.Fuzzing;
import org.jsoup.Jsoup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any subject, preheader and HTML someone writes into a template or an email: prepared, or refused with an
 * {@link InvalidInputException} naming the field (400), never another exception. A prepared email then renders for any
 * contact, and a contact's values never add markup: the HTML filled with values full of tags has as many elements as
 * the HTML filled with plain words, and the subject stays one line.
 */
class MergeTemplateFuzzTests {

    private static final String HOSTILE = "</td></p><b class=\"x\">\"'&amp;<script>alert(1)</script>\r\nBcc: a@b.c";
    private static final EmailFooter FOOTER = new EmailFooter("1 Main St", "https://example.com/u/1",
            "https://example.com/p/1", "https://example.com/v/1");

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"{{", "}}", "{{first_name}}", "|", "&quot;", "</a>", "<p>", "</p>", "<table>", "<td>", "<style>", "<!--", "-->", "{{unsubscribe_url}}", "{{postal_address}}", "https://", "mailto:", "cid:", "javascript:"})
    void anyContentIsPreparedOrRefusedAndValuesNeverAddMarkup(FuzzedDataProvider data) {
        String subject = data.consumeString(200);
        String preheader = data.consumeString(200);
        String html = data.consumeRemainingAsString();
        PreparedEmail prepared;
        try {
            prepared = EmailRendering.prepare(new EmailContent(subject, preheader, html));
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isIn("subject", "preheader", "html");
            return;
        }
        Map<String, String> plain = new HashMap<>();
        Map<String, String> hostile = new HashMap<>();
        for (String field : prepared.fields()) {
            plain.put(field, "word");
            hostile.put(field, HOSTILE);
        }
        RenderedEmail expected = prepared.render(plain, FOOTER);
        RenderedEmail filled = prepared.render(hostile, FOOTER);
        assertThat(filled.subject()).doesNotContain("\n").doesNotContain("\r");
        assertThat(Jsoup.parse(filled.html()).getAllElements()).hasSameSizeAs(Jsoup.parse(expected.html())
                .getAllElements());
    }
}
