package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * An approval as the API and pages show it: its state, where it is in its stages, its deadline, and what the
 * signed-in member may do with it now.
 *
 * @param stageNumber   1-based number of the current stage
 * @param stageApprovals approvals counted so far in the current stage
 * @param actions       the actions the signed-in member may take: approve, reject, request-review
 * @param approveNote   why the signed-in member, though routed, may not approve (separation of duties); else null
 */
public record ApprovalView(UUID id, UUID campaignId, String scope, String scopeName, @Nullable String itemType,
        @Nullable UUID itemId, String title, ApprovalState state, int stageNumber, int stageCount, String stageName,
        String approvers, int stageApprovals, int requiredApprovals, List<StageView> stages, Urgency urgency,
        @Nullable Instant dueAt, boolean overdue, @Nullable Instant escalatedAt, @Nullable String escalatedTo,
        @Nullable String rejectionReason, UUID requestedBy, @Nullable Instant decidedAt, Instant updatedAt,
        long version, List<String> actions, @Nullable String approveNote) {

    /** One stage in the progress bar: done, current or waiting. */
    public record StageView(String name, String approvers, int requiredApprovals, String status) {
    }

    public boolean can(String action) {
        return actions.contains(action);
    }
}
