package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.flightdeck.planning.TimelineDirection;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's timeline: first working day, last day of work, end after the buffer, the work's length and the buffer
 * in working days, the campaign's end date it was laid out against and by how many working days it overruns it (with
 * a sentence saying so in {@code warning}, null when the plan fits), every item in plan order and the dependencies.
 * {@code targetStartDate} is the campaign's start date, {@code campaignDays} the working days from its start to its end
 * (null unless it has both) and {@code planDays} the working days the plan takes, buffer included.
 */
public record TimelineView(UUID id, UUID campaignId, String campaignName, UUID templateId, String templateName,
        TimelineDirection direction, LocalDate startDate, LocalDate workEndDate, LocalDate endDate, int durationDays,
        int bufferPct, int bufferDays, @Nullable LocalDate targetEndDate, int overrunDays, @Nullable String warning,
        int criticalCount, Instant generatedAt, Instant recalculatedAt, List<TimelineItemView> items,
        List<TimelineDependencyView> dependencies, List<LocalDate> holidays, @Nullable LocalDate targetStartDate,
        @Nullable Integer campaignDays, int planDays) {
}
