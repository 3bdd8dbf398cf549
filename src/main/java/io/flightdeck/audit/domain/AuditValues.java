package io.flightdeck.audit.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.flightdeck.shared.persistence.AbstractEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * A property's value as the audit log stores it: ids for references, sorted lists for sets of simple values, secrets
 * redacted, and structured values (records, maps, JSON columns) as JSON objects rather than their Java
 * {@code toString()}.
 */
final class AuditValues {

    private static final Pattern SECRET = Pattern.compile("(?i).*(hash|secret|password|token).*");
    private static final String REDACTED = "[redacted]";

    private final JsonMapper json;

    AuditValues(JsonMapper json) {
        this.json = json;
    }

    Object plain(String property, Object value) {
        if (value == null) {
            return null;
        }
        if (SECRET.matcher(property).matches()) {
            return REDACTED;
        }
        if (value instanceof AbstractEntity entity) {
            return entity.getId().toString();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> elements = collection.stream().map(element -> plain("", element)).toList();
            // A set of simple values reads the same whatever its order; structured elements (stages) keep theirs.
            return elements.stream().allMatch(element -> element instanceof String || element instanceof Number)
                    ? elements.stream().map(String::valueOf).sorted().toList() : elements;
        }
        if (value instanceof Map<?, ?> || value.getClass().isRecord()) {
            return structured(value);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }

    /** Maps and lists of plain values, as the JSON column stores them; a value Jackson cannot write is only named. */
    private Object structured(Object value) {
        try {
            return json.convertValue(value, Object.class);
        } catch (RuntimeException unwritable) {
            return value.getClass().getSimpleName();
        }
    }
}
