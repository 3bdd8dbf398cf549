package io.flightdeck.approvals;

import java.time.Instant;
import java.util.UUID;

/** An overdue stage was handed to its escalation target. */
public record ApprovalEscalated(UUID workspaceId, UUID approvalId, UUID campaignId, String scopeKey, String stage,
        String escalatedTo, Instant at) {
}
