package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An email's HTML made ready for tracking, once per batch: each web link's address becomes a merge field
 * ({@code click_0}, {@code click_1}, …) that each recipient's message fills with their own signed redirect. Links made
 * of merge fields (the unsubscribe and preference links) and
 * mailto links are left alone: a person's way out is never routed through a redirect.
 *
 * @param targets the original address of each tracked link, by its index
 */
record TrackedHtml(String html, List<String> targets) {

    /** The open pixel, added to each rendered message (after sanitising, which keeps no image without an https address). */
    static String withPixel(String html, String pixelUrl) {
        String pixel = "<img src=\"" + pixelUrl + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display: block; border: 0;\">";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + pixel : html.substring(0, end) + pixel + html.substring(end);
    }

    static TrackedHtml of(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        List<String> targets = new ArrayList<>();
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href").strip();
            String lower = href.toLowerCase(java.util.Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && !href.contains("{{")) {
                link.attr("href", "{{click_" + targets.size() + "}}");
                targets.add(href);
            }
        }
        return new TrackedHtml(document.outerHtml(), List.copyOf(targets));
    }
}
