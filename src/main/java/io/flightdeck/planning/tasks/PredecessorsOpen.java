package io.flightdeck.planning.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.ConflictException;

/** A 409 for a start while predecessors are still open, naming each (id, title, status). */
class PredecessorsOpen extends ConflictException {

    PredecessorsOpen(String title, List<Task> open) {
        super("predecessors-open", title + " cannot start while "
                + String.join(", ", open.stream().map(Task::getTitle).toList())
                + (open.size() == 1 ? " is" : " are") + " still open", Map.of("predecessors", named(open)));
    }

    private static List<Map<String, Object>> named(List<Task> open) {
        return open.stream().<Map<String, Object>>map(p -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", p.getId());
            entry.put("title", p.getTitle());
            entry.put("status", p.getStatus());
            return entry;
        }).toList();
    }
}
