package io.flightdeck.planning.team;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.shared.InvalidInputException;

/**
 * The rules a profile's values follow, each refusal naming its field as the API reports it ({@code weeklyHours.MONDAY},
 * {@code skills.seo}, ...).
 */
final class TeamProfileRules {

    static final int MAX_SKILLS = 30;
    static final int MAX_JOB_TITLE = 120;

    private TeamProfileRules() {
    }

    /** The title stripped, null when blank. */
    static String jobTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String stripped = title.strip();
        if (stripped.length() > MAX_JOB_TITLE) {
            throw new InvalidInputException("jobTitle", "must be at most " + MAX_JOB_TITLE + " characters");
        }
        return stripped;
    }

    /** A valid zone id such as Europe/Berlin or UTC, in its canonical spelling. */
    static String timeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidInputException("timeZone", "is required: a time zone such as Europe/Berlin or UTC");
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + zone.strip() + "' is not a time zone; use one such as Europe/Berlin or UTC");
        }
    }

    static int capacityPct(Integer capacity) {
        if (capacity == null || capacity < 0 || capacity > 100) {
            throw new InvalidInputException("capacityPct", "must be a whole number from 0 to 100");
        }
        return capacity;
    }

    /** All seven weekdays: the given hours, 0 for days left out. */
    static Map<DayOfWeek, Double> weeklyHours(Map<String, Double> hours) {
        if (hours == null) {
            throw new InvalidInputException("weeklyHours", "is required: hours per weekday, MONDAY to SUNDAY");
        }
        Map<DayOfWeek, Double> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, 0.0);
        }
        for (Map.Entry<String, Double> entry : hours.entrySet()) {
            DayOfWeek day = weekday(entry.getKey());
            Double value = entry.getValue();
            if (value == null || value.isNaN() || value < 0 || value > 24) {
                throw new InvalidInputException("weeklyHours." + day, "must be between 0 and 24 hours");
            }
            week.put(day, value);
        }
        return week;
    }

    /** Names lower-cased (inner spaces become dashes), each with a level from 1 to 5, at most 30 of them. */
    static Map<String, Integer> skills(Map<String, Integer> skills) {
        if (skills == null) {
            return Map.of();
        }
        if (skills.size() > MAX_SKILLS) {
            throw new InvalidInputException("skills", "a member has at most " + MAX_SKILLS + " skills");
        }
        Map<String, Integer> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : skills.entrySet()) {
            String raw = entry.getKey() == null ? "" : entry.getKey();
            String name = SkillNames.normalise(raw);
            if (!SkillNames.valid(name)) {
                throw new InvalidInputException("skills." + raw.strip(),
                        "a skill name is 1 to 40 letters, digits or dashes, starting with a letter");
            }
            Integer level = entry.getValue();
            if (level == null || level < 1 || level > 5) {
                throw new InvalidInputException("skills." + name, "the level must be from 1 to 5");
            }
            if (normalised.put(name, level) != null) {
                throw new InvalidInputException("skills." + name, "appears twice");
            }
        }
        return normalised;
    }

    private static DayOfWeek weekday(String key) {
        try {
            return DayOfWeek.valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("weeklyHours." + key, "is not a weekday; use MONDAY to SUNDAY");
        }
    }
}
