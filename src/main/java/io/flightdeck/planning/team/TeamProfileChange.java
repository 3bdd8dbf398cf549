package io.flightdeck.planning.team;

import java.util.Map;

/**
 * A change to one member's profile. A null field keeps its current value; an empty job title clears it, an empty skill
 * map removes every skill. Weekdays missing from {@code weeklyHours} get 0 hours.
 *
 * @param weeklyHours weekday name (MONDAY to SUNDAY, any case) to hours, 0 to 24
 * @param skills      skill name to level 1 to 5; names are lower-cased and spaces become dashes
 */
public record TeamProfileChange(String jobTitle, String timeZone, Map<String, Double> weeklyHours,
        Map<String, Integer> skills, Integer capacityPct) {
}
