package io.flightdeck.email.templates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * A text with merge tags, parsed once into literal pieces and fields, so that rendering it for a recipient is string
 * appends only. In HTML each field knows where it stands: in text or an attribute (its value HTML-escaped), at the
 * start of an {@code href} or {@code src} (the value must also be an http, https or mailto address, or an https or cid
 * image, else the fallback or nothing: a contact's attribute cannot make a link run script), or inside an address (its
 * value percent-encoded). Fields inside a tag's name, between attributes, in a style attribute or a style block are
 * refused: a value there could change the markup or the CSS rather than fill it.
 */
final class MergeTemplate {

    /** LINK and LINK_PART are URL and URL_PART without the HTML escaping: a link's address itself. */
    enum Context { RAW, HTML, URL, IMAGE_URL, URL_PART, LINK, LINK_PART }

    private static final int TEXT = 0, TAG_NAME = 1, TAG = 2, ATTR_NAME = 3, AFTER_NAME = 4, BEFORE_VALUE = 5,
            VALUE = 6;

    private final String[] literals;
    private final MergeTag[] tags;
    private final Context[] contexts;
    private final int size;

    private MergeTemplate(List<String> literals, List<MergeTag> tags, List<Context> contexts) {
        this.literals = literals.toArray(new String[0]);
        this.tags = tags.toArray(new MergeTag[0]);
        this.contexts = contexts.toArray(new Context[0]);
        this.size = this.literals.length + this.tags.length * 16;
    }

    /** Plain text (a subject, the text part): values go in as they are. */
    static MergeTemplate text(String source, String field) {
        return parse(source, field, false, false);
    }

    /**
     * A link's address ({@code href} as an HTML parser reads it), filled as the HTML would fill it: a field at its start
     * takes only an http, https or mailto address, a field inside it is percent-encoded; nothing is HTML-escaped, so
     * the result is the address a mail app opens.
     */
    static MergeTemplate address(String source, String field) {
        MergeTemplate parsed = parse(source, field, false, false);
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < parsed.tags.length; i++) {
            contexts.add(i == 0 && parsed.literals[0].isEmpty() ? Context.LINK : Context.LINK_PART);
        }
        return new MergeTemplate(List.of(parsed.literals), List.of(parsed.tags), contexts);
    }

    /** Only checks the tags of HTML as its author wrote it (entities in a tag read as HTML), for their positions. */
    static void check(String source, String field) {
        parse(source, field, false, true);
    }

    /** HTML as the sanitiser writes it (attributes double-quoted, {@code <} in text escaped). */
    static MergeTemplate html(String source, String field) {
        return parse(source, field, true, true);
    }

    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (MergeTag tag : tags) {
            names.add(tag.name());
        }
        return names;
    }

    /** The text with each field's value, {@code system} (footer fields) before {@code values} (the contact's). */
    String render(Map<String, String> values, Map<String, String> system) {
        StringBuilder out = new StringBuilder(size);
        for (int i = 0; i < tags.length; i++) {
            out.append(literals[i]);
            MergeTag tag = tags[i];
            String value = MergeTag.SYSTEM.contains(tag.name()) ? system.get(tag.name()) : values.get(tag.name());
            if (value == null || value.isBlank()) {
                value = tag.fallback() == null ? "" : tag.fallback();
            }
            switch (contexts[i]) {
                case RAW -> out.append(value);
                case HTML -> escape(value, out);
                case URL, IMAGE_URL -> {
                    boolean image = contexts[i] == Context.IMAGE_URL;
                    if (!safeAddress(value, image)) {
                        value = tag.fallback() != null && safeAddress(tag.fallback(), image) ? tag.fallback() : "";
                    }
                    escape(value, out);
                }
                case URL_PART -> escape(URLEncoder.encode(value, StandardCharsets.UTF_8), out);
                case LINK -> out.append(safeAddress(value, false) ? value
                        : tag.fallback() != null && safeAddress(tag.fallback(), false) ? tag.fallback() : "");
                case LINK_PART -> out.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        out.append(literals[tags.length]);
        return out.toString();
    }

    static boolean safeAddress(String value, boolean image) {
        String v = value.strip();
        if (image) {
            return regionIs(v, "https://") || regionIs(v, "cid:");
        }
        return regionIs(v, "https://") || regionIs(v, "http://") || regionIs(v, "mailto:");
    }

    private static boolean regionIs(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length()) && value.length() > prefix.length();
    }

    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static MergeTemplate parse(String source, String field, boolean html, boolean decode) {
        String src = source == null ? "" : source;
        List<String> literals = new ArrayList<>();
        List<MergeTag> tags = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        StringBuilder tagName = new StringBuilder();
        StringBuilder attrName = new StringBuilder();
        int state = TEXT;
        boolean inStyle = false;
        char quote = 0;
        int valueStart = -1;
        int i = 0;
        while (i < src.length()) {
            if (src.startsWith("{{", i)) {
                int end = src.indexOf("}}", i + 2);
                int nested = src.indexOf("{{", i + 2);
                if (end < 0 || (nested >= 0 && nested < end)) {
                    throw MergeTag.refused(field, src, i, "This merge field is not closed: end it with }}");
                }
                MergeTag tag = MergeTag.parse(src.substring(i + 2, end), decode, field, src, i);
                Context context = Context.RAW;
                if (html) {
                    String attribute = attrName.toString();
                    if (inStyle || (state == VALUE && attribute.equals("style"))) {
                        throw MergeTag.refused(field, src, i, "A merge field cannot stand in a style: {{" + tag.name()
                                + "}}");
                    }
                    if (state != TEXT && state != VALUE) {
                        throw MergeTag.refused(field, src, i, "A merge field cannot stand inside a tag, only in "
                                + "text or an attribute's value: {{" + tag.name() + "}}");
                    }
                    context = state == TEXT ? Context.HTML : attributeContext(attribute, i == valueStart);
                }
                literals.add(literal.toString());
                literal.setLength(0);
                tags.add(tag);
                contexts.add(context);
                i = end + 2;
                continue;
            }
            char c = src.charAt(i);
            literal.append(c);
            if (html) {
                switch (state) {
                    case TEXT -> {
                        boolean opens = c == '<' && i + 1 < src.length()
                                && (Character.isLetter(src.charAt(i + 1)) || src.charAt(i + 1) == '/');
                        if (opens && (!inStyle || src.regionMatches(true, i, "</style", 0, 7))) {
                            state = TAG_NAME;
                            tagName.setLength(0);
                        }
                    }
                    case TAG_NAME -> {
                        if (c == '>') {
                            inStyle = endTag(tagName, inStyle);
                            state = TEXT;
                        } else if (Character.isWhitespace(c)) {
                            state = TAG;
                        } else {
                            tagName.append(Character.toLowerCase(c));
                        }
                    }
                    case TAG, AFTER_NAME -> {
                        if (c == '>') {
                            inStyle = endTag(tagName, inStyle);
                            state = TEXT;
                        } else if (c == '=' && state == AFTER_NAME) {
                            state = BEFORE_VALUE;
                        } else if (!Character.isWhitespace(c) && c != '/') {
                            attrName.setLength(0);
                            attrName.append(Character.toLowerCase(c));
                            state = ATTR_NAME;
                        }
                    }
                    case ATTR_NAME -> {
                        if (c == '=') {
                            state = BEFORE_VALUE;
                        } else if (c == '>') {
                            inStyle = endTag(tagName, inStyle);
                            state = TEXT;
                        } else if (Character.isWhitespace(c)) {
                            state = AFTER_NAME;
                        } else {
                            attrName.append(Character.toLowerCase(c));
                        }
                    }
                    case BEFORE_VALUE -> {
                        if (c == '"' || c == '\'') {
                            quote = c;
                            state = VALUE;
                            valueStart = i + 1;
                        } else if (c == '>') {
                            inStyle = endTag(tagName, inStyle);
                            state = TEXT;
                        } else if (!Character.isWhitespace(c)) {
                            quote = 0;
                            state = VALUE;
                            valueStart = i;
                        }
                    }
                    default -> { // VALUE
                        if (quote != 0 ? c == quote : Character.isWhitespace(c)) {
                            state = TAG;
                        } else if (quote == 0 && c == '>') {
                            inStyle = endTag(tagName, inStyle);
                            state = TEXT;
                        }
                    }
                }
            }
            i++;
        }
        literals.add(literal.toString());
        return new MergeTemplate(literals, tags, contexts);
    }

    private static Context attributeContext(String attribute, boolean atStart) {
        boolean address = attribute.equals("href") || attribute.equals("src") || attribute.equals("background");
        if (!address) {
            return Context.HTML;
        }
        if (!atStart) {
            return Context.URL_PART;
        }
        return attribute.equals("href") ? Context.URL : Context.IMAGE_URL;
    }

    /** Whether text after this tag is a style block's CSS. */
    private static boolean endTag(CharSequence name, boolean inStyle) {
        String tag = name.toString();
        if (tag.equals("style")) {
            return true;
        }
        return !tag.equals("/style") && inStyle;
    }
}
