package io.flightdeck.email.templates;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;
import org.jsoup.parser.Parser;

/**
 * One merge tag, {@code {{ name }}}, or the same with a fallback in double quotes after a bar: the contact's email,
 * name, first_name, last_name or an attribute (lower-case, as contacts name them), or a system field the send fills
 * in. The fallback stands in when the value is missing or blank.
 */
record MergeTag(String name, String fallback) {

    /** Fields the send fills in for every recipient; a contact attribute of the same name never overrides them. */
    static final Set<String> SYSTEM = Set.of("unsubscribe_url", "preferences_url", "postal_address",
            "view_in_browser_url");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern FALLBACK = Pattern.compile("\"([^\"]{0,200})\"");

    /** {@code inner} is what stands between the braces; in HTML its entities ({@code &quot;}) are read first. */
    static MergeTag parse(String inner, boolean html, String field, String source, int at) {
        String tag = html ? Parser.unescapeEntities(inner, false) : inner;
        int bar = tag.indexOf('|');
        String name = (bar < 0 ? tag : tag.substring(0, bar)).strip();
        if (name.isEmpty()) {
            throw refused(field, source, at, "This merge field has no name: write one, as in {{first_name}}");
        }
        if (!NAME.matcher(name).matches()) {
            throw refused(field, source, at, "Merge field names are lower-case letters, digits and underscores, "
                    + "starting with a letter, at most 40: not {{" + shorten(name) + "}}");
        }
        if (bar < 0) {
            return new MergeTag(name, null);
        }
        Matcher fallback = FALLBACK.matcher(tag.substring(bar + 1).strip());
        if (!fallback.matches()) {
            throw refused(field, source, at, "Write the fallback of {{" + name + "}} in double quotes (at most 200 "
                    + "characters), as in {{" + name + " | \"there\"}}");
        }
        return new MergeTag(name, fallback.group(1));
    }

    /** Bad syntax, naming the input field and where: line and column in it. */
    static InvalidInputException refused(String field, String source, int at, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new InvalidInputException(field, message + " (line " + line + ", column " + column + ")");
    }

    private static String shorten(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
