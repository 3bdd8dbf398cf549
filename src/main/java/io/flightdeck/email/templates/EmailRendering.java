package io.flightdeck.email.templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.InvalidInputException;

/**
 * Rendering an email for its recipients: {@link #prepare} once per send (checks the merge tags, sanitises the HTML,
 * makes sure the footer carries the postal address and the unsubscribe link, puts the preheader in, derives the text
 * part), then {@link PreparedEmail#render} per recipient, which only substitutes.
 */
public final class EmailRendering {

    /** Text before the body's content that only the inbox's preview line shows. */
    private static final String PREHEADER_OPEN = "<div style=\"display: none; max-height: 0; overflow: hidden; "
            + "mso-hide: all;\" aria-hidden=\"true\">";
    /** Spacing that keeps the inbox preview from running on into the body's first words. */
    private static final String PREHEADER_PAD = " &#847;&zwnj;&nbsp;".repeat(30);

    private EmailRendering() {
    }

    /** Refused (400, naming subject, preheader or html and the line and column) when a merge tag is malformed. */
    public static PreparedEmail prepare(EmailContent content) {
        String subject = content.subject() == null ? "" : content.subject().replaceAll("[\\r\\n]+", " ");
        String preheader = content.preheader() == null ? "" : content.preheader().replaceAll("\\s+", " ").strip();
        MergeTemplate subjectTemplate = MergeTemplate.text(subject, "subject");
        MergeTemplate.text(preheader, "preheader");
        check(content.html(), "html");

        String clean = EmailHtml.sanitise(content.html());
        String html = withFooter(clean, MergeTemplate.html(clean, "html").names());
        String text = EmailHtml.textOf(html);
        if (!preheader.isEmpty()) {
            StringBuilder escaped = new StringBuilder();
            MergeTemplate.escape(preheader, escaped);
            int body = html.indexOf('>', html.indexOf("<body")) + 1;
            html = html.substring(0, body) + PREHEADER_OPEN + escaped + PREHEADER_PAD + "</div>" + html.substring(body);
        }
        return new PreparedEmail(subjectTemplate, MergeTemplate.html(html, "html"), MergeTemplate.text(text, "html"));
    }

    /**
     * Checks the merge tags of HTML as its author wrote it, so a refusal points at their line and column (the
     * sanitised HTML's differ).
     */
    public static void check(String html, String field) {
        MergeTemplate.check(html, field);
    }

    /**
     * Refuses (400 on {@code field}, naming the link) the first link of the HTML that the send could not track: a web
     * address that browsers would not open ({@code https://} without a host, a user name before the host) or one that
     * runs a script. Read by the WHATWG URL Standard, as mail apps read it; see {@link EmailLinks}.
     */
    public static void checkLinks(String html, String field) {
        EmailLinks.check(html, field);
    }

    /** The same, as sentences naming each link that could not be tracked; empty when every link can be. */
    public static List<String> linkProblems(String html) {
        return EmailLinks.problems(html);
    }

    /**
     * A contact's values for the merge fields: email, name, first_name and last_name (the first word of the name, and
     * the rest), then each attribute (which cannot override those four).
     */
    public static Map<String, String> valuesOf(String email, String name, Map<String, String> attributes) {
        Map<String, String> values = new HashMap<>();
        if (attributes != null) {
            attributes.forEach((key, value) -> {
                if (key != null && value != null) {
                    values.put(key, value);
                }
            });
        }
        String full = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        int space = full.indexOf(' ');
        values.put("email", email == null ? "" : email);
        values.put("name", full);
        values.put("first_name", space < 0 ? full : full.substring(0, space));
        values.put("last_name", space < 0 ? "" : full.substring(space + 1));
        return values;
    }

    /**
     * The HTML with a small footer before its end when it lacks the postal address or the unsubscribe link: every
     * campaign mail must carry both, whatever its template forgot. An unsubscribe link added here comes with the
     * link to the person's preference centre, unless the template has its own.
     */
    static String withFooter(String html, java.util.Set<String> fields) {
        boolean address = fields.contains("postal_address");
        boolean unsubscribe = fields.contains("unsubscribe_url");
        if (address && unsubscribe) {
            return html;
        }
        StringBuilder footer = new StringBuilder("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" "
                + "cellspacing=\"0\" border=\"0\"><tr><td style=\"padding: 24px 16px; font-family: Arial, Helvetica, "
                + "sans-serif; font-size: 12px; line-height: 18px; color: #6b7280; text-align: center;\">");
        if (!address) {
            footer.append("<p style=\"margin: 0 0 8px 0;\">{{postal_address}}</p>");
        }
        if (!unsubscribe) {
            footer.append("<p style=\"margin: 0;\"><a href=\"{{unsubscribe_url}}\" style=\"color: #6b7280; "
                    + "text-decoration: underline;\">Unsubscribe</a>");
            if (!fields.contains("preferences_url")) { // the person's preference centre: single lists, not all mail
                footer.append(" · <a href=\"{{preferences_url}}\" style=\"color: #6b7280; "
                        + "text-decoration: underline;\">Your email preferences</a>");
            }
            footer.append("</p>");
        }
        footer.append("</td></tr></table>");
        int end = html.lastIndexOf("</body>");
        if (end < 0) {
            throw new InvalidInputException("html", "The HTML has no body to add the footer to");
        }
        return html.substring(0, end) + footer + html.substring(end);
    }
}
