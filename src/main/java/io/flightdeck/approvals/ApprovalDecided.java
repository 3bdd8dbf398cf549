package io.flightdeck.approvals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A scope or item reached approved or rejected. {@code itemType} and {@code itemId} are null for a campaign scope. */
@DomainEvent
public record ApprovalDecided(UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String itemType,
        UUID itemId, ApprovalState state, UUID actorId, Instant at) {
}
