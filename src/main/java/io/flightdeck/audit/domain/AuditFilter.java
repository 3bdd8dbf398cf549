package io.flightdeck.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** What the audit log is narrowed by; every field optional. */
public record AuditFilter(UUID actorUserId, String entityType, UUID entityId, String action, Instant from, Instant to) {

    private static final java.util.Set<String> ACTIONS = java.util.Set.of("created", "updated", "deleted");

    /** An action the log never records is a mistake in the request, not an empty answer. */
    public AuditFilter {
        if (action != null && !action.isBlank() && !ACTIONS.contains(action.strip())) {
            throw new io.flightdeck.shared.InvalidInputException("action", "is created, updated or deleted");
        }
    }

    Specification<AuditEntry> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (actorUserId != null) {
                where.add(cb.equal(root.get("actorUserId"), actorUserId));
            }
            if (entityType != null && !entityType.isBlank()) {
                where.add(cb.equal(root.get("entityType"), entityType.strip()));
            }
            if (entityId != null) {
                where.add(cb.equal(root.get("entityId"), entityId));
            }
            if (action != null && !action.isBlank()) {
                where.add(cb.equal(root.get("action"), action.strip()));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(root.get("occurredAt"), to));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
