package io.flightdeck.approvals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** An overdue stage was handed to its escalation target. */
@DomainEvent
public record ApprovalEscalated(UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String stage,
        String escalatedTo, Instant at) {
}
