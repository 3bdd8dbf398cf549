package io.flightdeck.publishing.networks.linkedin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text in LinkedIn's "little text format", the syntax of a post's {@code commentary}: its reserved characters
 * start mentions and templates, and LinkedIn silently cuts a post at the first one it cannot parse (a "1)" in a list
 * is enough). So every reserved character is escaped with a backslash, and a hashtag becomes a hashtag template, the
 * documented way to keep it a link ("#1" and "C#" are not hashtags, so they are only escaped).
 */
final class LittleText {

    static final String RESERVED = "\\|{}@[]()<>#*_~";
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#(\\p{N}*\\p{L}[\\p{L}\\p{N}]*)");

    private LittleText() {
    }

    static String commentary(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher tag = HASHTAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            escape(text.substring(last, tag.start()), out);
            out.append("{hashtag|\\#|").append(tag.group(1)).append('}');
            last = tag.end();
        }
        escape(text.substring(last), out);
        return out.toString();
    }

    private static void escape(String plain, StringBuilder out) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
