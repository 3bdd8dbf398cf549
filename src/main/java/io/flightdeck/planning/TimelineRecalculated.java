package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A campaign's plan was laid out again: asked for, or because a task, a duration, a pin or a dependency changed.
 *
 * @param overrunDays working days the plan ends after the campaign's end date, 0 when it fits
 */
@DomainEvent
public record TimelineRecalculated(UUID workspaceId, UUID campaignId, UUID timelineId, LocalDate startDate,
        LocalDate endDate, int overrunDays, Instant at) {
}
