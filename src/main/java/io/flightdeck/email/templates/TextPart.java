package io.flightdeck.email.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text part of an email, read from its HTML: blocks become paragraphs, {@code br} a line break, list items
 * bullets (numbers in an ordered list), links {@code text (url)}, images their alt text; hidden elements (a preheader)
 * and empty layout cells leave nothing. Lines wrap at 76 characters on spaces, never inside a merge tag or a URL, so a
 * text-only reader gets what the HTML says.
 */
final class TextPart {

    static final int WIDTH = 76;

    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "tr", "td", "th", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "center", "dl", "dt", "dd", "hr", "caption", "tbody",
            "thead", "tfoot");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title");

    private TextPart() {
    }

    static String of(String html) {
        Element body = Jsoup.parse(html == null ? "" : html).body();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        walk(body, current, paragraphs, 0);
        flush(current, paragraphs);
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(paragraph);
        }
        return out.toString();
    }

    private static void walk(Node node, StringBuilder current, List<String> paragraphs, int listDepth) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                String words = text.text().replaceAll("\\s+", " ");
                if (current.length() == 0 || current.charAt(current.length() - 1) == '\n') {
                    words = words.stripLeading();
                }
                current.append(words);
            } else if (child instanceof Element element) {
                element(element, current, paragraphs, listDepth);
            }
        }
    }

    private static void element(Element element, StringBuilder current, List<String> paragraphs, int listDepth) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag) || hidden(element)) {
            return;
        }
        switch (tag) {
            case "br" -> trimEnd(current).append('\n');
            case "img" -> {
                String alt = element.attr("alt").strip();
                if (!alt.isEmpty()) {
                    current.append(alt);
                }
            }
            case "hr" -> {
                flush(current, paragraphs);
                paragraphs.add("-".repeat(20));
            }
            case "a" -> link(element, current, paragraphs, listDepth);
            case "li" -> {
                flush(current, paragraphs);
                Element parent = element.parent();
                String bullet = parent != null && parent.normalName().equals("ol")
                        ? (parent.children().indexOf(element) + 1) + ". " : "- ";
                StringBuilder item = new StringBuilder();
                List<String> inner = new ArrayList<>();
                walk(element, item, inner, listDepth + 1);
                flush(item, inner);
                String indent = "  ".repeat(Math.max(0, listDepth));
                String text = String.join("\n", inner);
                paragraphs.add(indent + bullet + wrap(text, indent + "  "));
            }
            case "ul", "ol" -> {
                flush(current, paragraphs);
                List<String> items = new ArrayList<>();
                walk(element, new StringBuilder(), items, listDepth);
                if (!items.isEmpty()) {
                    paragraphs.add(String.join("\n", items));
                }
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    flush(current, paragraphs);
                }
                walk(element, current, paragraphs, listDepth);
                if (block) {
                    flush(current, paragraphs);
                }
            }
        }
    }

    private static void link(Element a, StringBuilder current, List<String> paragraphs, int listDepth) {
        StringBuilder label = new StringBuilder();
        List<String> inner = new ArrayList<>();
        walk(a, label, inner, listDepth);
        flush(label, inner);
        String text = String.join(" ", inner).strip();
        String href = a.attr("href").strip();
        String shown = href.toLowerCase(Locale.ROOT).startsWith("mailto:") ? href.substring(7) : href;
        if (href.isEmpty() || href.startsWith("#") || shown.equals(text)) {
            current.append(text.isEmpty() ? shown : text);
        } else if (text.isEmpty()) {
            current.append(shown);
        } else {
            current.append(text).append(" (").append(shown).append(')');
        }
    }

    private static boolean hidden(Element element) {
        String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || element.hasAttr("hidden") || style.contains("mso-hide:all");
    }

    private static StringBuilder trimEnd(StringBuilder text) {
        while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        return text;
    }

    /** Ends the paragraph being written: trimmed, wrapped, left out when empty. */
    private static void flush(StringBuilder current, List<String> paragraphs) {
        String text = current.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n").strip();
        current.setLength(0);
        if (!text.isEmpty()) {
            paragraphs.add(wrap(text, ""));
        }
    }

    /** Wraps each line at {@link #WIDTH} on spaces outside merge tags; a long word (a URL) keeps its own line. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n').append(indent);
            }
            int column = 0;
            for (String word : words(line)) {
                if (column > 0 && column + 1 + word.length() > WIDTH - indent.length()) {
                    out.append('\n').append(indent);
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }

    /** The line's words; a merge tag with spaces inside (a fallback of several words) stays one word. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inTag = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!inTag && line.startsWith("{{", i)) {
                inTag = true;
            } else if (inTag && line.startsWith("}}", i)) {
                inTag = false;
                word.append("}}");
                i++;
                continue;
            }
            if (c == ' ' && !inTag) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
