package io.flightdeck.approvals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone commented on an approval; {@code mentionedUserIds} are the members named with @, and {@code changeRequest}
 * says the comment asks for a change (last, so publications stored before it read as plain comments).
 */
@DomainEvent
public record ApprovalCommentPosted(UUID workspaceId, UUID approvalId, UUID campaignId, UUID commentId, UUID authorId,
        List<UUID> mentionedUserIds, Instant at, boolean changeRequest) {
}
