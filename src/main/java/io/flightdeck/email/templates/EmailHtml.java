package io.flightdeck.email.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML people write for email, made safe to store and send, and read as plain text. Every HTML a member writes
 * goes through {@link #sanitise} before it is stored or sent; merge tags survive it, in text and in attributes.
 */
public final class EmailHtml {

    private EmailHtml() {
    }

    /**
     * The HTML as an email document: tables, inline styles, images by https or cid, links by http, https or mailto; no
     * script, event handler, javascript: or data: address, and only safe CSS. Sanitising twice gives the same.
     */
    public static String sanitise(String html) {
        return HtmlSanitiser.sanitise(html).html();
    }

    /** The same, saying what was removed, for the person who wrote it. */
    public static Sanitised sanitiseReporting(String html) {
        HtmlSanitiser.Result result = HtmlSanitiser.sanitise(html);
        return new Sanitised(result.html(), result.removed());
    }

    /**
     * Whether two HTML documents are the same markup: the same elements, texts and attribute values, whatever order
     * each element's attributes come in. The block editor's export of a reopened design may list an element's id before
     * its class where the first export listed it after: that is not a change of what recipients get.
     */
    public static boolean sameMarkup(String first, String second) {
        return canonical(first).equals(canonical(second));
    }

    private static String canonical(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.getAllElements()) {
            List<Attribute> sorted = new ArrayList<>(element.attributes().asList());
            sorted.sort(Comparator.comparing(Attribute::getKey));
            sorted.forEach(attribute -> element.removeAttr(attribute.getKey()));
            sorted.forEach(attribute -> element.attr(attribute.getKey(), attribute.getValue()));
        }
        return document.outerHtml().replace("\r\n", "\n");
    }

    /** The plain-text part the HTML reads as: paragraphs, line breaks, bullets, links as text (url), wrapped at 76. */
    public static String textOf(String html) {
        return TextPart.of(html);
    }

    /**
     * Sanitised HTML and what was taken out of it, each in words (a script, an onclick, a javascript: link), once per
     * occurrence.
     */
    public record Sanitised(String html, List<String> removed) {

        public Sanitised {
            removed = List.copyOf(removed);
        }

        /** For instance: 2 things were removed: a script, an onclick. Empty when nothing was. */
        public String summary() {
            return summaryOf(removed);
        }

        /** The summary of a list of removed things, as {@link #summary} words it. */
        public static String summaryOf(List<String> removed) {
            if (removed.isEmpty()) {
                return "";
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            removed.forEach(thing -> counts.merge(thing, 1, Integer::sum));
            StringBuilder out = new StringBuilder();
            out.append(removed.size() == 1 ? "1 thing was removed: " : removed.size() + " things were removed: ");
            boolean first = true;
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                out.append(first ? "" : ", ").append(count.getKey());
                if (count.getValue() > 1) {
                    out.append(" (").append(count.getValue()).append(" times)");
                }
                first = false;
            }
            return out.toString();
        }
    }
}
