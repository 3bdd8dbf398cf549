package io.flightdeck.approvals;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** An open stage's deadline is near and nobody has decided it yet (for notifications); once per stage opening. */
@DomainEvent
public record ApprovalDueSoon(UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String stage,
        Instant dueAt, Instant at) {
}
