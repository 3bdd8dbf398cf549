package io.flightdeck.planning.team;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * A workspace member with their planning profile. {@code customised} is false while the member runs on the defaults
 * (8 h Monday to Friday, UTC, 100 %, no skills); {@code version} is the profile's ETag value, 0 until it is saved.
 *
 * @param weeklyHours         hours per weekday, MONDAY to SUNDAY
 * @param skills              skill name to level 1–5, by name
 * @param weeklyCapacityHours the week's hours times capacity
 */
public record TeamMemberView(UUID userId, String displayName, String email, Role role, @Nullable String jobTitle,
        String timeZone, Map<DayOfWeek, Double> weeklyHours, Map<String, Integer> skills, int capacityPct,
        double weeklyCapacityHours, boolean customised, long version, Instant updatedAt) {
}
