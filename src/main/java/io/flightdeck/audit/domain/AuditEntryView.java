package io.flightdeck.audit.domain;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * @param changes JSON object of changed fields: {"status": {"from": "READY", "to": "ACTIVE"}}
 * @param changeSet shared by the rows one request wrote (one transaction, outside a request)
 */
public record AuditEntryView(UUID id, Instant occurredAt, UUID actorUserId, UUID actorApiKeyId, String actorName,
        String action, String entityType, UUID entityId, @JsonRawValue String changes, String requestId,
        String clientAddress, String changeSet) {
}
