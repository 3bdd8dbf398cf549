package io.flightdeck.audit.domain;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * @param changes JSON object of changed fields: {"status": {"from": "READY", "to": "ACTIVE"}}
 * @param changeSet shared by the rows one request wrote (one transaction, outside a request)
 */
public record AuditEntryView(UUID id, Instant occurredAt, @Nullable UUID actorUserId, @Nullable UUID actorApiKeyId,
        String actorName, String action, String entityType, UUID entityId, @JsonRawValue @Nullable
        @Schema(types = "object", description = "Each changed field with its value before and after") String changes,
        String requestId, String clientAddress, String changeSet) {
}
