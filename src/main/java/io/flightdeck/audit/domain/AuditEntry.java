package io.flightdeck.audit.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One audit row, read-only here: rows are written by {@link AuditRecorder}. */
@Entity
@Table(name = "audit_log")
@Immutable
@NotAudited
class AuditEntry extends TenantOwnedEntity {

    private UUID actorUserId;
    private UUID actorApiKey;
    private String actorName;
    private String action;
    private String entityType;
    private UUID entityId;
    private String changes;
    private String requestId;
    private String clientAddress;
    private Instant occurredAt;
    private String changeSet;

    protected AuditEntry() {
    }

    AuditEntryView view() {
        return new AuditEntryView(getId(), occurredAt, actorUserId, actorApiKey, actorName, action, entityType, entityId,
                changes, requestId, clientAddress, changeSet);
    }
}
