package io.flightdeck.email.providers;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.email.providers.ProviderEvent.Kind;
import io.flightdeck.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading an event webhook's body leniently where providers vary (a number sent as text, an id as a number) and
 * strictly where nothing useful can be read (a body that is not JSON, an event that is not an object or has no time):
 * those are {@link InvalidInputException}s that name the event and field but quote no value, as values are personal
 * data.
 */
final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventJson() {
    }

    /** One provider's reading of one event: null for a type Flightdeck does not act on. */
    /** A provider's kind for an event of a type, or null for a type Flightdeck does not act on. */
    interface Kinds {
        Kind of(String type, JsonNode event);
    }

    /** A provider's event of a kind Flightdeck acts on, read. */
    interface Reader {
        ProviderEvent read(Kind kind, String type, JsonNode event, int index);
    }

    /** Each event of the body read, in the order posted, those of unknown types left out. */
    static List<ProviderEvent> parse(String provider, byte[] body, Kinds kinds, Reader reader) {
        List<JsonNode> events = events(provider, body);
        List<ProviderEvent> parsed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String type = text(events.get(i), "event");
            String lowered = type == null ? null : type.toLowerCase(Locale.ROOT);
            Kind kind = lowered == null ? null : kinds.of(lowered, events.get(i));
            if (kind != null) {
                parsed.add(reader.read(kind, lowered, events.get(i), i));
            }
        }
        return parsed;
    }

    /** The events of a body that is an array of objects, or a single object (Mailjet's ungrouped mode). */
    private static List<JsonNode> events(String provider, byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException notJson) {
            throw new InvalidInputException("body", "The " + provider + " event body is not JSON");
        }
        if (root == null || root.isMissingNode() || !(root.isArray() || root.isObject())) {
            throw new InvalidInputException("body", "The " + provider + " event body is neither an array of events"
                    + " nor one event object");
        }
        List<JsonNode> events = new ArrayList<>();
        if (root.isObject()) {
            events.add(root);
            return events;
        }
        int index = 0;
        for (JsonNode event : root.values()) {
            if (!event.isObject()) {
                throw new InvalidInputException(field(index, null), "The " + provider + " event at index " + index
                        + " is not an object");
            }
            events.add(event);
            index++;
        }
        return events;
    }

    /** A field's text, whether sent as a string or a number; null when absent, null or empty. */
    static String text(JsonNode event, String name) {
        JsonNode value = event.path(name);
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            String text = value.asString().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    /** A time in Unix seconds, sent as a number or as digits in a string. */
    static Instant epochSeconds(String provider, JsonNode event, String name, int index) {
        JsonNode value = event.path(name);
        String digits = value.isIntegralNumber() ? value.asString()
                : value.isString() && value.asString().strip().matches("\\d{1,12}") ? value.asString().strip() : null;
        if (digits == null) {
            throw new InvalidInputException(field(index, name), "The " + provider + " event at index " + index
                    + " has no " + name + " in Unix seconds");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(digits));
        } catch (NumberFormatException | DateTimeException e) {
            throw new InvalidInputException(field(index, name), "The " + provider + " event at index " + index
                    + " has a " + name + " out of range");
        }
    }

    static boolean isTrue(JsonNode event, String name) {
        JsonNode value = event.path(name);
        return value.isBoolean() ? value.booleanValue() : value.isString() && value.asString().equalsIgnoreCase("true");
    }

    static String field(int index, String name) {
        return "events[" + index + "]" + (name == null ? "" : "." + name);
    }
}
