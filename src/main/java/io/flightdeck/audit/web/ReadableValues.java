package io.flightdeck.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.flightdeck.shared.web.Dates;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import tools.jackson.databind.json.JsonMapper;

/**
 * A field's value as people read it on the audit log, with what the page looked up: people's names, records' names,
 * days and times in the workspace's format, structured values in their kind's words or as a short marker; never a
 * Java {@code toString()}, and never longer than a line.
 */
record ReadableValues(Map<UUID, String> names, Map<UUID, RecordLink> links, Dates dates, JsonMapper json) {

    private static final int LONGEST = 80;
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    /** A record's {@code toString()}, as rows written before structured values were stored as JSON hold them. */
    private static final Pattern JAVA_TEXT = Pattern.compile("(?s)[A-Z]\\w*\\[.*=.*\\]|\\{.*=.*\\}");
    /** Text that may be JSON (a column stored as text); a title such as [Draft] launch email is not, and stays text. */
    private static final Pattern JSON_TEXT = Pattern.compile("(?s)\\s*(\\{.*\\}|\\[.*\\])\\s*");
    /** What a structured value without words of its kind shows; the stored JSON is in the admins' raw view. */
    static final String CHANGED = "changed";

    /** One field's value: its kind's words for a structured value, or {@link #plain}; never a Java toString. */
    String read(RecordKind kind, String field, String targetLabel, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && JSON_TEXT.matcher(text).matches()) {
            value = jsonOrText(text); // a JSON column stored as its text reads as the structure it holds
        }
        if (isStructured(value)) {
            String summary = kind == null ? null : kind.summary(field, value);
            if (summary == null) {
                summary = generic(value);
            }
            return cut(summary == null ? CHANGED : summary);
        }
        return cut(plain(value, targetLabel));
    }

    private String plain(Object value, String targetLabel) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(element -> plain(element, targetLabel)).collect(Collectors.joining(", "));
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Number number) {
            return number(number);
        }
        String text = value.toString();
        if (UUID_TEXT.matcher(text).matches()) {
            return id(UUID.fromString(text), targetLabel);
        }
        if (CONSTANT.matcher(text).matches()) {
            return constant(text);
        }
        if (DAY.matcher(text).matches()) {
            return dates.day(LocalDate.parse(text));
        }
        if (MOMENT.matcher(text).matches()) {
            try {
                return dates.dateTime(Instant.parse(text));
            } catch (java.time.DateTimeException notAnInstant) {
                return text;
            }
        }
        return text;
    }

    /** A person's name, a record's name, or, when the record is gone or not visible here, its kind. */
    private String id(UUID id, String targetLabel) {
        RecordLink link = links.get(id);
        if (link != null && link.title() != null) {
            return link.title();
        }
        if (names.containsKey(id)) {
            return names.get(id);
        }
        String what = targetLabel == null ? "record" : targetLabel.toLowerCase(Locale.ROOT);
        String article = "aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ";
        return article + what + (link != null ? "" : " no longer here");
    }

    private Object jsonOrText(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    /** Maps and lists with a name in each, or a short map of plain values; null when there are no fitting words. */
    private String generic(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("name") instanceof String name) {
                return name;
            }
            if (map.values().stream().allMatch(v -> v == null || !isStructured(v))) {
                return map.entrySet().stream().map(e -> RecordKind.words(constant(String.valueOf(e.getKey())))
                        + ": " + (e.getValue() == null ? "–" : plain(e.getValue(), null))).collect(Collectors.joining(", "));
            }
            return null;
        }
        if (value instanceof Collection<?> list) {
            List<String> parts = list.stream().map(this::generic).toList();
            return parts.contains(null) ? null : String.join(", ", parts);
        }
        return null;
    }

    /** A map or a list of maps as the log stores structured values, or the Java or JSON text older rows hold. */
    private static boolean isStructured(Object value) {
        if (value instanceof Map<?, ?>) {
            return true;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(ReadableValues::isStructured);
        }
        return value instanceof String text && JAVA_TEXT.matcher(text).matches();
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    private static String cut(String text) {
        return text == null || text.length() <= LONGEST ? text : text.substring(0, LONGEST - 1) + "…";
    }

    /** {@code SEARCH_ADS} as Search ads; short codes such as EUR or USD stay as they are. */
    private static String constant(String name) {
        if (name.length() <= 3 || !CONSTANT.matcher(name).matches()) {
            return name;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
