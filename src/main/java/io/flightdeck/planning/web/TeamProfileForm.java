package io.flightdeck.planning.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.planning.team.TeamMemberView;
import io.flightdeck.planning.team.TeamProfileChange;
import org.springframework.util.MultiValueMap;

/**
 * The profile form as typed: numbers stay text until {@link #toChange} reads them, so a bad number becomes a message
 * beside its field. Hours are posted as {@code hours-MONDAY}..., skills as repeated {@code skillName}/{@code skillLevel}
 * pairs (a row with an empty name is left out). Errors are keyed like the API's fields, skill rows as {@code skills[i]}.
 */
record TeamProfileForm(String jobTitle, String timeZone, String capacityPct, Map<DayOfWeek, String> hours,
        List<SkillRow> skills, String version) {

    record SkillRow(String name, String level) {
    }

    static TeamProfileForm of(TeamMemberView member) {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        member.weeklyHours().forEach((day, h) -> hours.put(day, TeamScheduleForm.number(h)));
        List<SkillRow> skills = new ArrayList<>();
        member.skills().forEach((name, level) -> skills.add(new SkillRow(name, String.valueOf(level))));
        return new TeamProfileForm(member.jobTitle() == null ? "" : member.jobTitle(), member.timeZone(),
                String.valueOf(member.capacityPct()), hours, skills, String.valueOf(member.version()));
    }

    static TeamProfileForm from(MultiValueMap<String, String> params) {
        List<String> names = params.getOrDefault("skillName", List.of());
        List<String> levels = params.getOrDefault("skillLevel", List.of());
        List<SkillRow> skills = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            skills.add(new SkillRow(names.get(i), i < levels.size() ? levels.get(i) : ""));
        }
        return new TeamProfileForm(params.getFirst("jobTitle"), params.getFirst("timeZone"),
                params.getFirst("capacityPct"), TeamScheduleForm.hours(params), skills, params.getFirst("version"));
    }

    /** The change the service checks; what cannot even be read as a number goes into {@code errors} instead. */
    TeamProfileChange toChange(Map<String, String> errors) {
        Map<String, Double> weeklyHours = TeamScheduleForm.weeklyHours(hours, errors);
        Integer capacity = TeamScheduleForm.whole(capacityPct, "capacityPct", errors);
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            SkillRow row = skills.get(i);
            if (row.name() == null || row.name().isBlank()) {
                continue;
            }
            Integer level = TeamScheduleForm.whole(row.level(), "skills[" + i + "]", errors);
            levels.put(row.name(), level == null ? 0 : level);
        }
        return new TeamProfileChange(jobTitle == null ? "" : jobTitle, timeZone, weeklyHours, levels,
                capacity == null ? -1 : capacity);
    }

    /** The service names a skill by its name ({@code skills.seo}); the page by its row. */
    String rowField(String field) {
        if (!field.startsWith("skills.")) {
            return field;
        }
        String named = field.substring("skills.".length());
        for (int i = 0; i < skills.size(); i++) {
            String name = skills.get(i).name();
            if (name != null && !name.isBlank() && (name.strip().equals(named)
                    || name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "-").equals(named))) {
                return "skills[" + i + "]";
            }
        }
        return "skills";
    }

    Long expectedVersion() {
        try {
            return version == null || version.isBlank() ? null : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
