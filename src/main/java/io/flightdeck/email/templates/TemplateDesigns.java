package io.flightdeck.email.templates;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The block editor's project data as the server keeps it: GrapesJS's own JSON, read and written whole by the editor,
 * checked for being one JSON object of bounded size, so a broken or oversized body is refused rather than stored and
 * failing when the editor reopens it. What is sent is never read from it: the exported HTML is. But a colleague's
 * editor loads it, and it is posted beside the HTML rather than made from it, so a design carrying anything that runs
 * in a browser (a script element or a component's script, an event handler attribute, a javascript: address, markup
 * in a text) is not {@link #safe}: it is not kept, and one kept before this check is not handed to an editor. Email
 * campaigns keep their own designs by the same rules.
 */
public final class TemplateDesigns {

    static final int MAX_DESIGN = 1_000_000;
    /** Elements that run code or load another document; none of the email blocks makes them. */
    private static final Set<String> RUNNABLE_TAGS = Set.of("script", "iframe", "frame", "object", "embed", "applet",
            "base", "meta", "link", "form", "svg", "math", "template", "noscript");
    /**
     * GrapesJS's component types that render such an element. A type is the editor's name for a kind of component,
     * not a tag: its "link" is an anchor, which the email blocks use.
     */
    private static final Set<String> RUNNABLE_TYPES = Set.of("script", "iframe", "map");
    /** Markup inside a text: a tag, a closing tag, a comment or a declaration, not a lone less-than sign. */
    private static final Pattern MARKUP = Pattern.compile("<[a-z/!?]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateDesigns() {
    }

    /** The design as posted, refused (400) when missing, too long or not one JSON object. */
    public static String checked(String design) {
        if (design == null || design.isBlank()) {
            throw new InvalidInputException("design", "The block design is missing");
        }
        if (design.length() > MAX_DESIGN) {
            throw new InvalidInputException("design", "The block design is longer than " + MAX_DESIGN + " characters");
        }
        try {
            JsonNode node = JSON.readTree(design);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException("design", "The block design is not a JSON object");
            }
        } catch (JacksonException e) {
            throw new InvalidInputException("design", "The block design is not valid JSON");
        }
        return design;
    }

    /** Whether the design holds nothing that could run in the editor of whoever opens it next. */
    public static boolean safe(String design) {
        try {
            return safe(JSON.readTree(design), "");
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean safe(JsonNode node, String key) {
        if (node.isString()) {
            return !runs(key, node.asString());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey().toLowerCase(Locale.ROOT);
                // an event handler is an attribute of a component; elsewhere "on..." may be the editor's own key
                if ("attributes".equals(key) && name.startsWith("on") || !safe(field.getValue(), name)) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode child : node) {
            if (!safe(child, key)) {
                return false;
            }
        }
        return true;
    }

    /** A text of the design that could run: its key, or what it says. */
    private static boolean runs(String key, String value) {
        String text = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        return switch (key) {
            case "script", "script-export" -> !text.isEmpty();
            case "srcdoc", "formaction" -> true;
            case "tagname" -> RUNNABLE_TAGS.contains(text);
            case "type" -> RUNNABLE_TYPES.contains(text);
            // as a browser reads it: "a < b" is text, "<img" a tag
            case "content" -> MARKUP.matcher(value.toLowerCase(Locale.ROOT)).find();
            default -> text.contains("javascript:") || text.contains("vbscript:") || text.contains("data:text/html")
                    || text.contains("<script") || text.contains("expression(");
        };
    }
}
