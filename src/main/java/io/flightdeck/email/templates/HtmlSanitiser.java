package io.flightdeck.email.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * jsoup's {@link Cleaner} with a {@link Safelist} for email: tables, inline styles, images by https or cid (and the
 * asset library's own signed images under an http base address, for local previews), links by http, https or mailto,
 * and nothing that runs. Merge tags ({@code {{first_name}}}) stand in for values that arrive
 * later, so before cleaning each is swapped for an https placeholder (which passes the protocol checks even in an
 * {@code href}) and afterwards put back; each tag is first decoded, so sanitising twice gives what sanitising once gave.
 * A style attribute keeps only the declarations {@link EmailCss} allows; style blocks (media queries, dark mode) move
 * to the head when they are safe and are dropped whole when not. What was removed is described in words.
 */
final class HtmlSanitiser {

    static final Pattern MERGE_TAG = Pattern.compile("\\{\\{([^{}]*)\\}\\}");
    /**
     * An asset library image this installation signed ({@link TemplateImageLinks}) under a plain http address: kept,
     * although other http images are not, so that a local install's previews and outbox show the picked image.
     */
    private static final Pattern LIBRARY_IMAGE_OVER_HTTP = Pattern.compile("(?i)http://[^/?#@\\s\"']+"
            + Pattern.quote(TemplateImageLinks.PATH) + "[A-Za-z0-9_-]{66}");
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

    private static final Safelist SAFELIST = safelist();

    private HtmlSanitiser() {
    }

    /** The sanitised document and what was taken out of it, in words (a script, an onclick). */
    record Result(String html, List<String> removed) {
    }

    static Result sanitise(String html) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Tags tags = new Tags(Pattern.compile("https://merge\\.invalid/" + nonce + "/(\\d+)/"), new ArrayList<>());
        Matcher m = MERGE_TAG.matcher(html == null ? "" : html);
        StringBuilder marked = new StringBuilder();
        while (m.find()) {
            // the closing slash ends the number: a digit written right after a merge tag is not part of it
            String placeholder = "https://merge.invalid/" + nonce + "/" + tags.values().size() + "/";
            tags.values().add("{{" + Parser.unescapeEntities(m.group(1), false) + "}}");
            m.appendReplacement(marked, Matcher.quoteReplacement(placeholder));
        }
        m.appendTail(marked);

        Document dirty = Jsoup.parse(marked.toString());
        for (Element image : dirty.select("img[src]")) {
            // through the cleaner as a placeholder, like a merge tag, and put back afterwards
            String source = image.attr("src").strip();
            if (LIBRARY_IMAGE_OVER_HTTP.matcher(source).matches()) {
                image.attr("src", "https://merge.invalid/" + nonce + "/" + tags.values().size() + "/");
                tags.values().add(source);
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        for (Element style : dirty.select("style")) {
            String css = style.data().strip();
            if (EmailCss.safeBlock(css) && !css.contains("merge.invalid/" + nonce)) {
                styles.add(css);
            } else {
                removed.add("a style block");
            }
            style.remove();
        }
        String title = dirty.title();
        String lang = dirty.selectFirst("html") == null ? "" : dirty.selectFirst("html").attr("lang");
        List<String> dropped = new ArrayList<>();
        String bodyStyle = EmailCss.filterDeclarations(dirty.body().attr("style"), dropped);
        describeUnsafe(dirty.body(), removed);

        Document clean = new Cleaner(SAFELIST).clean(dirty);
        NodeTraversor.traverse((node, depth) -> restore(node, tags, removed), clean.body());
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);

        StringBuilder out = new StringBuilder(marked.length() + 400);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(LANG.matcher(lang).matches() ? lang : "en")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"x-apple-disable-message-reformatting\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"supported-color-schemes\" content=\"light dark\">\n")
                .append("<title>").append(Entities.escape(title)).append("</title>\n");
        for (String css : styles) {
            out.append("<style>\n").append(css).append("\n</style>\n");
        }
        out.append("</head>\n<body");
        if (!bodyStyle.isEmpty()) {
            out.append(" style=\"").append(Entities.escape(bodyStyle)).append('"');
        }
        out.append('>').append(clean.body().html()).append("</body>\n</html>\n");
        return new Result(out.toString(), removed);
    }

    /** Puts each merge tag back where its placeholder is; style attributes lose what email must not carry. */
    private static void restore(Node node, Tags tags, List<String> removed) {
        if (node instanceof TextNode text && text.getWholeText().contains("https://merge.invalid/")) {
            text.text(putBack(text.getWholeText(), tags));
        } else if (node instanceof DataNode data && data.getWholeData().contains("https://merge.invalid/")) {
            data.setWholeData(putBack(data.getWholeData(), tags));
        } else if (node instanceof Element element) {
            for (Attribute attribute : element.attributes()) {
                String value = attribute.getValue();
                if (attribute.getKey().equals("style")) {
                    List<String> dropped = new ArrayList<>();
                    value = EmailCss.filterDeclarations(value, dropped);
                    dropped.forEach(property -> removed.add("a style rule (" + property + ")"));
                }
                attribute.setValue(putBack(value, tags));
            }
            element.attributes().asList().stream().filter(a -> a.getKey().equals("style") && a.getValue().isBlank())
                    .map(Attribute::getKey).toList().forEach(element::removeAttr);
        }
    }

    /**
     * Each placeholder replaced whole, by its number: replacing them one after another as text would let the tenth
     * ({@code …/1}) eat into the eleventh ({@code …/11}) and leave a stray digit behind it.
     */
    private static String putBack(String value, Tags tags) {
        if (!value.contains("https://merge.invalid/")) {
            return value;
        }
        Matcher placeholder = tags.placeholder().matcher(value);
        StringBuilder result = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String tag = index < tags.values().size() ? tags.values().get(index) : placeholder.group();
            placeholder.appendReplacement(result, Matcher.quoteReplacement(tag));
        }
        placeholder.appendTail(result);
        return result.toString();
    }

    /** The merge tags taken out before cleaning, by number, and the pattern of their placeholders. */
    private record Tags(Pattern placeholder, List<String> values) {
    }

    /** What the cleaner will drop, in words: each element and attribute the safelist refuses. */
    private static void describeUnsafe(Element root, List<String> removed) {
        for (Element element : root.getAllElements()) {
            if (element == root) {
                continue;
            }
            String tag = element.normalName();
            if (!SAFELIST.isSafeTag(tag)) {
                removed.add(describeTag(tag));
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!SAFELIST.isSafeAttribute(tag, element, attribute)) {
                    removed.add(describeAttribute(attribute));
                }
            }
        }
    }

    private static String describeTag(String tag) {
        return switch (tag) {
            case "script", "noscript" -> "a script";
            case "iframe", "frame", "frameset" -> "an embedded page (" + tag + ")";
            case "object", "embed", "applet" -> "an embedded object (" + tag + ")";
            case "form", "input", "button", "select", "textarea", "option" -> "a form element (" + tag + ")";
            case "link", "meta", "base" -> "a <" + tag + "> tag";
            case "svg", "math" -> "an inline drawing (" + tag + ")";
            default -> "a <" + tag + "> element";
        };
    }

    private static String describeAttribute(Attribute attribute) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
        if ((name.equals("href") || name.equals("src")) && value.indexOf(':') > 0) {
            String scheme = value.substring(0, value.indexOf(':'));
            return scheme.matches("[a-z][a-z0-9+.-]{0,20}")
                    ? "a " + scheme + ": " + (name.equals("href") ? "link" : "image address")
                    : "an unsafe " + name;
        }
        if (name.equals("href") || name.equals("src")) {
            return "a relative " + (name.equals("href") ? "link" : "image address") + " (use a full https address)";
        }
        if (name.startsWith("on")) {
            return "an " + name;
        }
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " attribute";
    }

    private static Safelist safelist() {
        Safelist safelist = new Safelist()
                .addTags("a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
                        "colgroup", "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6",
                        "hr", "i", "img", "ins", "li", "ol", "p", "pre", "s", "small", "span", "strike", "strong",
                        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul")
                .addAttributes(":all", "style", "class", "id", "dir", "lang", "title", "align", "valign", "width",
                        "height", "bgcolor", "role", "aria-hidden", "aria-label")
                .addAttributes("a", "href", "target", "name", "rel")
                .addAttributes("img", "src", "alt", "border")
                .addAttributes("table", "border", "cellpadding", "cellspacing", "summary")
                .addAttributes("td", "colspan", "rowspan", "nowrap")
                .addAttributes("th", "colspan", "rowspan", "scope", "nowrap")
                .addAttributes("col", "span")
                .addAttributes("colgroup", "span")
                .addAttributes("font", "color", "face", "size")
                .addAttributes("ol", "start", "type")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "https", "cid");
        return safelist;
    }
}
