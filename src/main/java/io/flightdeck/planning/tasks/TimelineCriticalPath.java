package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The chain of tasks and milestones with no slack, in order; any delay to one of them delays the plan's end. */
public record TimelineCriticalPath(UUID campaignId, int durationDays, LocalDate startDate, LocalDate workEndDate,
        List<TimelineItemView> items) {
}
