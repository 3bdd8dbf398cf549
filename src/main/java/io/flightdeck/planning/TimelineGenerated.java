package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A campaign got its timeline (or a new one in place of the old) from a template, by hand or automatically.
 *
 * @param items       tasks and milestones created from the template
 * @param overrunDays working days the plan ends after the campaign's end date, 0 when it fits
 * @param actorId     who generated it; the campaign's creator for automatic timelines, null when unknown
 */
@DomainEvent
public record TimelineGenerated(UUID workspaceId, UUID campaignId, UUID timelineId, UUID templateId,
        TimelineDirection direction, int items, LocalDate startDate, LocalDate endDate, int overrunDays, UUID actorId,
        Instant at) {
}
