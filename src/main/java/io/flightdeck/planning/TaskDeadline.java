package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An open, assigned task is due today or tomorrow ({@code overdue} false), or its due date has passed ({@code overdue}
 * true). Raised once per task, kind and due date: moving the date raises it again for the new one.
 */
@DomainEvent
public record TaskDeadline(UUID workspaceId, UUID taskId, UUID campaignId, UUID assigneeId, LocalDate dueDate,
        boolean overdue, Instant at) {
}
