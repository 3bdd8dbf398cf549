package io.flightdeck.planning.team;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The same schedule for several members at once. {@code weeklyHours} is required (missing weekdays get 0 hours);
 * a null capacity or time zone keeps each member's own.
 */
public record TeamScheduleChange(List<UUID> memberIds, Map<String, Double> weeklyHours, Integer capacityPct,
        String timeZone) {
}
