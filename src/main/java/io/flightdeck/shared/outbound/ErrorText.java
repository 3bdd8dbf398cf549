package io.flightdeck.shared.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Where a service puts its own words about what went wrong, as JSON pointers tried in order ({@code /detail},
 * {@code /error/message}, {@code /errors/0/message}, ...): the first one that holds a non-blank text or number wins.
 * A body that is not JSON counts as the text itself, unless it is markup (a proxy's HTML error page says nothing a
 * person could act on). The text is trimmed and cut to {@link #MAX_LENGTH} characters, so a service cannot flood a
 * message or a stored failure reason.
 */
public final class ErrorText {

    public static final int MAX_LENGTH = 300;

    private final List<JsonPointer> pointers;

    private ErrorText(List<JsonPointer> pointers) {
        this.pointers = pointers;
    }

    /** The pointers to try, most specific first: {@code /errors/0/message} before {@code /detail}, say. */
    public static ErrorText at(String... pointers) {
        return new ErrorText(Arrays.stream(pointers).map(JsonPointer::compile).toList());
    }

    public Optional<String> from(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = OutboundClient.jsonMapper().readTree(body);
        } catch (RuntimeException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.isEmpty() || text.startsWith("<") ? Optional.empty() : Optional.of(capped(text));
        }
        for (JsonPointer pointer : pointers) {
            JsonNode value = json.at(pointer);
            if (value.isString() || value.isNumber() || value.isBoolean()) {
                String text = value.asString().strip();
                if (!text.isEmpty()) {
                    return Optional.of(capped(text));
                }
            }
        }
        return Optional.empty();
    }

    static String capped(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH).strip() + "…" : text;
    }
}
