package io.flightdeck.approvals;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An approval's people: who asked, and who may decide its current stage (the members it routes to, with anyone they
 * delegated to while away); once it is escalated, the escalation targets too; and who already voted in this stage
 * (a stage that needs several votes stays open after the first), so a reminder skips them.
 */
public record ApprovalPeople(UUID approvalId, UUID campaignId, String title, String stage, Instant dueAt,
        UUID requesterId, Set<UUID> approvers, Set<UUID> escalationTargets, Set<UUID> votedInStage) {
}
