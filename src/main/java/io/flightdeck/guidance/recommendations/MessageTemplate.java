package io.flightdeck.guidance.recommendations;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * A rule's message or link with {@code {name}} placeholders, checked when the rule file is read so that a rule never
 * shows a brace to a person. In a link, each value is encoded as a path segment.
 */
final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String text;
    private final Set<String> placeholders;

    private MessageTemplate(String text, Set<String> placeholders) {
        this.text = text;
        this.placeholders = placeholders;
    }

    /** Reads a template; refuses a brace that is not part of a placeholder. */
    static MessageTemplate parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new IllegalArgumentException("has a brace that is not a placeholder such as {channel}: " + text);
        }
        return new MessageTemplate(text, Set.copyOf(names));
    }

    public Set<String> placeholders() {
        return placeholders;
    }

    /** The template as written, placeholders and all. */
    public String text() {
        return text;
    }

    String fill(Map<String, String> values) {
        return replace(values, UnaryOperator.identity());
    }

    String fillLink(Map<String, String> values) {
        return replace(values, value -> UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
    }

    private String replace(Map<String, String> values, UnaryOperator<String> encode) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) { // the rule file was checked against its kind, so this is the evaluator's slip
                throw new IllegalStateException("no value for {" + match.group(1) + "} in: " + text);
            }
            return Matcher.quoteReplacement(encode.apply(value));
        });
    }

    @Override
    public String toString() {
        return text;
    }
}
