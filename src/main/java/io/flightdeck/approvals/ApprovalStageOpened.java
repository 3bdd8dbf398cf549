package io.flightdeck.approvals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A stage started waiting for its approvers (for notifications). */
@DomainEvent
public record ApprovalStageOpened(UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String stage,
        Instant dueAt, Instant at) {
}
