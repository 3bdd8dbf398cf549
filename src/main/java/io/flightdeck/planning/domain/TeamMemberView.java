package io.flightdeck.planning.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Role;

/**
 * A workspace member with their planning profile. {@code customised} is false while the member runs on the defaults
 * (8 h Monday to Friday, UTC, 100 %, no skills); {@code version} is the profile's ETag value, 0 until it is saved.
 *
 * @param weeklyHours         hours per weekday, MONDAY to SUNDAY
 * @param skills              skill name to level 1–5, by name
 * @param weeklyCapacityHours the week's hours times capacity
 */
public record TeamMemberView(UUID userId, String displayName, String email, Role role, String jobTitle, String timeZone,
        Map<DayOfWeek, Double> weeklyHours, Map<String, Integer> skills, int capacityPct, double weeklyCapacityHours,
        boolean customised, long version, Instant updatedAt) {

    static TeamMemberView of(MemberSummary member, TeamProfile profile) {
        Map<DayOfWeek, Double> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, profile.getWeeklyHours().getOrDefault(day, 0.0));
        }
        Map<String, Integer> skills = new LinkedHashMap<>(new TreeMap<>(profile.getSkills()));
        return new TeamMemberView(member.userId(), member.displayName(), member.email(), member.role(),
                profile.getJobTitle(), profile.getTimeZone(), hours, skills, profile.getCapacityPct(),
                TeamFigures.round(profile.weeklyCapacity()), profile.isSaved(), etagVersion(profile),
                profile.getUpdatedAt());
    }

    /** The ETag value: 0 for a member on the defaults, the row's version plus one once saved. */
    static long etagVersion(TeamProfile profile) {
        return profile.isSaved() ? profile.getVersion() + 1 : 0;
    }
}
