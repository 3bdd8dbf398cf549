package io.flightdeck.audit.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The audit row of one entity, gathered while its transaction runs: every write of the entity in the transaction
 * merges into it, each field keeping its first value before and its last value after, and a delete outranks the rest.
 */
final class PendingAuditRow {

    final UUID tenantId;
    final String entityType;
    final UUID entityId;
    private String action;
    private final Map<String, Map<String, Object>> changes = new LinkedHashMap<>();

    PendingAuditRow(UUID tenantId, String entityType, UUID entityId, String action) {
        this.tenantId = tenantId;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
    }

    /** One field's change, as the row's JSON holds it. */
    static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    void merge(String action, Map<String, Map<String, Object>> more) {
        if ("deleted".equals(action)) {
            this.action = "deleted";
        }
        more.forEach((field, change) -> changes.merge(field, change,
                (first, latest) -> change(first.get("from"), latest.get("to"))));
    }

    String action() {
        return action;
    }

    Map<String, Map<String, Object>> changes() {
        return changes;
    }
}
