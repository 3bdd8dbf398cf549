package io.flightdeck.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns an audit row's changes JSON into readable lines for the page: {@code ${@auditChanges.of(e.changes)}}. */
@Component("auditChanges")
public class AuditChanges {

    private static final int LONGEST = 80;
    private final JsonMapper json;

    AuditChanges(JsonMapper json) {
        this.json = json;
    }

    /** Public: templates call it through SpEL. */
    public record Line(String field, String from, String to) {
    }

    public List<Line> of(String changes) {
        if (changes == null || changes.isBlank()) {
            return List.of();
        }
        Map<String, Map<String, Object>> parsed = json.readValue(changes, new TypeReference<>() { });
        List<Line> lines = new ArrayList<>();
        parsed.forEach((field, change) -> lines.add(new Line(field, text(change.get("from")), text(change.get("to")))));
        return lines;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
        return text.length() > LONGEST ? text.substring(0, LONGEST - 1) + "…" : text;
    }
}
