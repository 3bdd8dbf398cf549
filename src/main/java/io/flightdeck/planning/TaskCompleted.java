package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A task (or milestone) moved to done.
 *
 * @param assigneeId who had it, null when nobody did
 * @param dueDate    its due date, null when it had none; with {@code at} it tells whether it was on time
 */
@DomainEvent
public record TaskCompleted(UUID workspaceId, UUID taskId, UUID campaignId, UUID assigneeId, LocalDate dueDate,
        UUID actorId, Instant at) {
}
