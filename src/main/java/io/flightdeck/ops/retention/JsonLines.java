package io.flightdeck.ops.retention;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch of purged rows as an export writes it: JSON Lines, one object per row with its columns by name in lower
 * case, whatever the database answered (PostgreSQL and H2 give times, ids and JSON columns as different types).
 */
@Component
class JsonLines {

    private final JsonMapper json;

    JsonLines(JsonMapper json) {
        this.json = json;
    }

    /** Each row as a line of JSON: times as ISO instants, ids as text. */
    byte[] of(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map<String, Object> row : rows) {
            Map<String, Object> clean = new LinkedHashMap<>();
            row.forEach((column, value) -> clean.put(column.toLowerCase(Locale.ROOT), plain(value)));
            out.writeBytes(json.writeValueAsBytes(clean));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static @Nullable Object plain(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonLines::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> clean = new LinkedHashMap<>();
            map.forEach((k, v) -> clean.put(String.valueOf(k).toLowerCase(Locale.ROOT), plain(v)));
            return clean;
        }
        return value.toString();
    }
}
