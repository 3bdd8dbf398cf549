package io.flightdeck.email.templates;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four built-in templates: sanitising them keeps every merge tag, link, image and style block (nothing is
 * removed); each is table-based, 600 px at most with a fluid width, has alt text on its images, the footer fields, a
 * dark-mode block, a preheader and a subject that render.
 */
class BuiltInTemplatesTests {

    private static final Pattern TAG = Pattern.compile("\\{\\{[^{}]*\\}\\}");

    static String read(String key) {
        return BuiltInTemplates.source(key);
    }

    @Test
    void sanitisingTheBuiltInsRemovesNothingAndKeepsEveryMergeTagAndLink() {
        for (String name : new String[] {"welcome", "newsletter", "promotional", "transactional"}) {
            String source = read(name);
            assertThat(source).as(name).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
            assertThat(Jsoup.parse(source).title()).as(name).isNotBlank();
            EmailHtml.Sanitised clean = EmailHtml.sanitiseReporting(source);
            assertThat(clean.removed()).as(name).isEmpty();
            assertThat(tags(clean.html().replace("&quot;", "\""))).as(name).isEqualTo(tags(source));
            Document before = Jsoup.parse(source);
            Document after = Jsoup.parse(clean.html());
            assertThat(after.select("a[href]").eachAttr("href")).as(name)
                    .isEqualTo(before.select("a[href]").eachAttr("href"));
            assertThat(after.select("img").eachAttr("src")).as(name).isEqualTo(before.select("img").eachAttr("src"));
            assertThat(after.select("style").size()).as(name).isEqualTo(1);
            assertThat(after.select("[style]").size()).as(name).isEqualTo(before.select("[style]").size());
        }
    }

    @Test
    void eachIsAnEmailThatReadsWellAndCarriesItsFooter() {
        for (BuiltInTemplates.BuiltIn builtIn : BuiltInTemplates.ALL) {
            Document doc = Jsoup.parse(builtIn.html());
            Element container = doc.selectFirst("table.container");
            assertThat(container).as(builtIn.id()).isNotNull();
            assertThat(container.attr("width")).isEqualTo("600");
            assertThat(container.attr("style")).contains("width: 100%", "max-width: 600px");
            assertThat(doc.select("img")).allSatisfy(img -> assertThat(img.attr("alt")).isNotBlank());
            assertThat(doc.select("table")).allSatisfy(t -> assertThat(t.attr("role")).isEqualTo("presentation"));
            assertThat(doc.select("style").html()).contains("prefers-color-scheme: dark", "max-width: 620px");
            assertThat(builtIn.html()).contains("{{postal_address}}", "{{unsubscribe_url}}", "{{preferences_url}}");
            assertThat(builtIn.preheader()).isNotBlank();

            RenderedEmail email = EmailRendering.prepare(builtIn.content()).render(
                    EmailRendering.valuesOf("ana@example.com", "Ana Lima", Map.of()),
                    new EmailFooter("Acme, 1 Main St", "https://app.example/u/1", "https://app.example/p/1", ""));
            assertThat(email.html()).as(builtIn.id()).doesNotContain("{{").contains("Acme, 1 Main St",
                    "https://app.example/u/1", builtIn.preheader());
            assertThat(email.html().split("https://app.example/u/1", -1)).as("one unsubscribe link").hasSize(2);
            assertThat(email.text()).doesNotContain("{{", "<").contains("Unsubscribe (https://app.example/u/1)");
            assertThat(email.subject()).doesNotContain("{{");
        }
        assertThat(BuiltInTemplates.find("builtin-welcome").orElseThrow().subject()).contains("first_name");
    }

    private static Set<String> tags(String html) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.add(m.group());
        }
        return tags;
    }
}
