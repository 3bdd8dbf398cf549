package io.flightdeck.planning.settings;

import java.time.LocalDate;
import java.util.List;

/**
 * A workspace's planning settings: automatic timelines for new campaigns, the buffer per campaign priority (percent
 * of the plan's length) and the holidays timelines skip. {@code version} is the ETag's value.
 */
public record PlanningSettingsView(boolean autoTimeline, int bufferUrgent, int bufferHigh, int bufferMedium,
        int bufferLow, List<LocalDate> holidays, long version) {
}
