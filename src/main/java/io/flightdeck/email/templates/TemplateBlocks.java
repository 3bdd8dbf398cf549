package io.flightdeck.email.templates;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * The HTML of what the pickers insert, and where it goes: just before the template's footer (the element that holds
 * {@code {{unsubscribe_url}}} or {@code {{postal_address}}}), as a row of its own when the footer is a table row,
 * so that in a table layout the block sits inside the 600 px column; at the end of the body when there is no footer.
 * The template's own text is left exactly as it was around the insertion.
 */
final class TemplateBlocks {

    private static final String FONT = "font-family: Arial, Helvetica, sans-serif; ";

    private TemplateBlocks() {
    }

    static String creative(String headline, String caption, String cta) {
        StringBuilder html = new StringBuilder();
        if (headline != null && !headline.isBlank()) {
            html.append("<h2 class=\"text\" style=\"margin: 0 0 12px 0; ").append(FONT).append("font-size: 22px; ")
                    .append("line-height: 30px; font-weight: bold; color: #111827;\">").append(text(headline))
                    .append("</h2>\n");
        }
        if (caption != null && !caption.isBlank()) {
            html.append("<p class=\"text\" style=\"margin: 0 0 16px 0; ").append(FONT).append("font-size: 16px; ")
                    .append("line-height: 24px; color: #1f2937;\">").append(text(caption)).append("</p>\n");
        }
        if (cta != null && !cta.isBlank()) {
            // the creative has no address for its call to action: the reader of the editor points it at their page
            html.append("<p style=\"margin: 0 0 16px 0;\"><a class=\"button\" href=\"https://example.com/\" ")
                    .append("target=\"_blank\" style=\"display: inline-block; padding: 12px 24px; ").append(FONT)
                    .append("font-size: 16px; font-weight: bold; color: #ffffff; background-color: #1d4ed8; ")
                    .append("text-decoration: none; border-radius: 6px;\">").append(text(cta)).append("</a></p>\n");
        }
        return html.toString();
    }

    /**
     * An image at most 600 px wide. Before the library has measured it, no width is given: a guess would stretch a
     * small picture to the column in clients that take the attribute.
     */
    static String image(String url, String alt, Integer width) {
        String start = "<p style=\"margin: 0 0 16px 0;\"><img src=\"" + Entities.escape(url) + "\" alt=\""
                + attribute(alt) + "\"";
        if (width == null) {
            return start + " style=\"display: block; max-width: 100%; height: auto; border: 0;\"></p>\n";
        }
        int shown = Math.min(600, width);
        return start + " width=\"" + shown + "\" style=\"display: block; width: 100%; max-width: " + shown
                + "px; height: auto; border: 0;\"></p>\n";
    }

    /** An image's name as alt text when none is given: without its extension, with separators as spaces. */
    static String altFromName(String name) {
        String bare = name == null ? "" : name.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[-_]+", " ")
                .strip();
        return bare.isEmpty() ? "Image" : bare;
    }

    static String insertBeforeFooter(String html, String block) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document document = Jsoup.parse(html, "", parser);
        Element footer = footer(document);
        if (footer != null) {
            Element row = footer.closest("tr");
            if (row != null && row.sourceRange().isTracked() && row.sourceRange().startPos() >= 0) {
                int at = row.sourceRange().startPos();
                return html.substring(0, at) + "<tr><td class=\"px\" style=\"padding: 8px 40px;\">\n" + block
                        + "</td></tr>\n" + html.substring(at);
            }
            Element top = footer;
            while (top.parent() != null && top.parent() != document.body()) {
                top = top.parent();
            }
            if (top.parent() == document.body() && top.sourceRange().isTracked() && top.sourceRange().startPos() >= 0) {
                int at = top.sourceRange().startPos();
                return html.substring(0, at) + block + html.substring(at);
            }
        }
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + "\n" + block : html.substring(0, end) + block + html.substring(end);
    }

    private static Element footer(Document document) {
        for (Element element : document.body().getAllElements()) {
            if (element.attr("href").contains("{{unsubscribe_url}}") || element.ownText().contains("{{postal_address}}")) {
                return element;
            }
        }
        return null;
    }

    /** Text as HTML: escaped, its line breaks kept. */
    private static String text(String value) {
        return Entities.escape(value.strip()).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    private static String attribute(String value) {
        return Entities.escape(value).replace("\"", "&quot;");
    }
}
