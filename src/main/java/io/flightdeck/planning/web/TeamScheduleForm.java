package io.flightdeck.planning.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.team.TeamScheduleChange;
import org.springframework.util.MultiValueMap;

/**
 * The bulk schedule form: the members ticked, hours per weekday, and optionally a capacity and a time zone (blank
 * keeps each member's own). Also the number parsing the profile form shares.
 */
record TeamScheduleForm(List<String> memberIds, Map<DayOfWeek, String> hours, String capacityPct, String timeZone) {

    static TeamScheduleForm empty() {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? "0" : "8");
        }
        return new TeamScheduleForm(List.of(), hours, "", "");
    }

    static TeamScheduleForm from(MultiValueMap<String, String> params) {
        return new TeamScheduleForm(params.getOrDefault("memberIds", List.of()), hours(params),
                params.getFirst("capacityPct"), params.getFirst("timeZone"));
    }

    public boolean chosen(UUID memberId) {
        return memberIds.contains(memberId.toString());
    }

    TeamScheduleChange toChange(Map<String, String> errors) {
        List<UUID> ids = new ArrayList<>();
        for (String id : memberIds) {
            try {
                ids.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("memberIds", "choose members from the list");
            }
        }
        Map<String, Double> weeklyHours = weeklyHours(hours, errors);
        Integer capacity = capacityPct == null || capacityPct.isBlank() ? null : whole(capacityPct, "capacityPct", errors);
        return new TeamScheduleChange(ids, weeklyHours, capacity, timeZone == null || timeZone.isBlank() ? null : timeZone);
    }

    // ---- shared with the profile form

    static Map<DayOfWeek, String> hours(MultiValueMap<String, String> params) {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String value = params.getFirst("hours-" + day);
            hours.put(day, value == null ? "" : value);
        }
        return hours;
    }

    /** An empty field is 0 hours; anything else must read as a number. */
    static Map<String, Double> weeklyHours(Map<DayOfWeek, String> hours, Map<String, String> errors) {
        Map<String, Double> week = new LinkedHashMap<>();
        hours.forEach((day, text) -> {
            if (text == null || text.isBlank()) {
                week.put(day.name(), 0.0);
                return;
            }
            try {
                week.put(day.name(), Double.parseDouble(text.strip().replace(',', '.')));
            } catch (NumberFormatException e) {
                errors.put("weeklyHours." + day, "must be a number of hours, 0 to 24");
            }
        });
        return week;
    }

    static Integer whole(String text, String field, Map<String, String> errors) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
