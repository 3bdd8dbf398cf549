package io.flightdeck.planning.settings;

import java.time.LocalDate;
import java.util.List;

/** New planning settings; every field is replaced. */
public record PlanningSettingsChange(boolean autoTimeline, int bufferUrgent, int bufferHigh, int bufferMedium,
        int bufferLow, List<LocalDate> holidays) {
}
