package io.flightdeck.planning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone commented on a task. {@code participantIds} are those in its discussion before this comment: the assignee
 * and everyone who commented earlier (the author may be among them).
 */
@DomainEvent
public record TaskCommented(UUID workspaceId, UUID taskId, UUID campaignId, UUID commentId, UUID authorId,
        List<UUID> participantIds, Instant at) {
}
