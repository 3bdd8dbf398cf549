package io.flightdeck.analytics;

import java.time.LocalDate;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A scheduled report did not reach everyone: refused, cut off in doubt, or missed while Flightdeck was down. Its
 * schedule's owner is told (the notifications module listens), with the reason in words.
 *
 * @param status FAILED, IN_DOUBT or MISSED
 */
@DomainEvent
public record ScheduledReportFailed(UUID workspaceId, UUID scheduleId, UUID runId, UUID ownerId, String campaignName,
        LocalDate periodFrom, LocalDate periodTo, String status, String reason) {
}
