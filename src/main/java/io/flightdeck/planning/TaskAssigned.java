package io.flightdeck.planning;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A task was given to someone, by auto-assignment ({@code automatic}) or by a manager. Not published when a manager
 * takes the assignee away.
 *
 * @param actorId who assigned it; null outside a request (demo data)
 */
@DomainEvent
public record TaskAssigned(UUID workspaceId, UUID taskId, UUID campaignId, UUID assigneeId, boolean automatic,
        UUID actorId, Instant at) {
}
