package io.flightdeck.planning.team;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.shared.InputProblems;

/**
 * The rules a profile's values follow, each problem naming its field as the API reports it ({@code weeklyHours.MONDAY},
 * {@code skills.seo}, ...). They add to one {@link InputProblems} and go on, so a change is refused with all of its
 * problems at once; what they return then is only a stand-in.
 */
final class TeamProfileRules {

    static final int MAX_SKILLS = 30;
    static final int MAX_JOB_TITLE = 120;

    private TeamProfileRules() {
    }

    /** The title stripped, null when blank. */
    static String jobTitle(String title, InputProblems problems) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String stripped = title.strip();
        if (stripped.length() > MAX_JOB_TITLE) {
            problems.add("jobTitle", "must be at most " + MAX_JOB_TITLE + " characters");
        }
        return stripped;
    }

    /** A valid zone id such as Europe/Berlin or UTC, in its canonical spelling. */
    static String timeZone(String zone, InputProblems problems) {
        if (zone == null || zone.isBlank()) {
            problems.add("timeZone", "is required: a time zone such as Europe/Berlin or UTC");
            return null;
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            problems.add("timeZone", "'" + zone.strip() + "' is not a time zone; use one such as Europe/Berlin or UTC");
            return null;
        }
    }

    static int capacityPct(Integer capacity, InputProblems problems) {
        if (capacity == null || capacity < 0 || capacity > 100) {
            problems.add("capacityPct", "must be a whole number from 0 to 100");
            return 0;
        }
        return capacity;
    }

    /** All seven weekdays: the given hours, 0 for days left out. */
    static Map<DayOfWeek, Double> weeklyHours(Map<String, Double> hours, InputProblems problems) {
        Map<DayOfWeek, Double> week = new EnumMap<>(DayOfWeek.class);
        if (hours == null) {
            problems.add("weeklyHours", "is required: hours per weekday, MONDAY to SUNDAY");
            return week;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, 0.0);
        }
        for (Map.Entry<String, Double> entry : hours.entrySet()) {
            DayOfWeek day = weekday(entry.getKey(), problems);
            Double value = entry.getValue();
            if (day == null) {
                continue;
            }
            if (value == null || value.isNaN() || value < 0 || value > 24) {
                problems.add("weeklyHours." + day, "must be between 0 and 24 hours");
                continue;
            }
            week.put(day, value);
        }
        return week;
    }

    /** Names lower-cased (inner spaces become dashes), each with a level from 1 to 5, at most 30 of them. */
    static Map<String, Integer> skills(Map<String, Integer> skills, InputProblems problems) {
        if (skills == null) {
            return Map.of();
        }
        if (skills.size() > MAX_SKILLS) {
            problems.add("skills", "a member has at most " + MAX_SKILLS + " skills");
        }
        Map<String, Integer> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : skills.entrySet()) {
            String raw = entry.getKey() == null ? "" : entry.getKey();
            String name = SkillNames.normalise(raw);
            if (!SkillNames.valid(name)) {
                problems.add("skills." + raw.strip(),
                        "a skill name is 1 to 40 letters, digits or dashes, starting with a letter");
                continue;
            }
            Integer level = entry.getValue();
            if (level == null || level < 1 || level > 5) {
                problems.add("skills." + name, "the level must be from 1 to 5");
            }
            if (normalised.put(name, level) != null) {
                problems.add("skills." + name, "appears twice");
            }
        }
        return normalised;
    }

    private static DayOfWeek weekday(String key, InputProblems problems) {
        try {
            return DayOfWeek.valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("weeklyHours." + key, "is not a weekday; use MONDAY to SUNDAY");
            return null;
        }
    }
}
