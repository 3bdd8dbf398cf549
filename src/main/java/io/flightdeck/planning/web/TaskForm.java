package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.TaskChange;
import io.flightdeck.planning.TaskKind;
import io.flightdeck.planning.TaskView;
import io.flightdeck.shared.InvalidInputException;

/**
 * The create and edit form of the task pages, as typed: numbers and dates stay text until {@link #toChange} reads
 * them, so a typo comes back beside its field instead of failing the whole request. Skills are written
 * {@code copywriting:3, design:2}.
 */
record TaskForm(String title, String description, String kind, String priority, String estimateHours,
        String durationDays, String startDate, String dueDate, String skills, String milestoneId) {

    static TaskForm blank() {
        return new TaskForm("", "", "TASK", "", "", "", "", "", "", "");
    }

    static TaskForm of(TaskView task) {
        return new TaskForm(task.title(), task.description() == null ? "" : task.description(), task.kind().name(),
                task.priority().name(), number(task.estimateHours()), String.valueOf(task.durationDays()),
                task.startDate() == null ? "" : task.startDate().toString(),
                task.dueDate() == null ? "" : task.dueDate().toString(), skillsText(task.skills()),
                task.milestone() == null ? "" : task.milestone().id().toString());
    }

    /**
     * What the form asks for. On create every field counts; on edit the whole form is the new state, so an empty
     * milestone or empty dates clear them, and a timeline task's schedule is left out (the Gantt chart owns it).
     */
    TaskChange toChange(boolean create, boolean onTimeline) {
        boolean dated = !onTimeline;
        LocalDate start = dated || create ? date("startDate", startDate) : null;
        LocalDate due = dated ? date("dueDate", dueDate) : null;
        UUID milestone = blank(milestoneId) ? null : uuid("milestoneId", milestoneId);
        return new TaskChange(title == null ? "" : title, description == null ? "" : description,
                create ? parsedKind() : null, parsedPriority(), decimal("estimateHours", estimateHours),
                onTimeline && !create ? null : integer("durationDays", durationDays), start, due, parsedSkills(),
                milestone, !create && milestone == null, !create && dated, null, null);
    }

    private TaskKind parsedKind() {
        return "MILESTONE".equalsIgnoreCase(kind) ? TaskKind.MILESTONE : TaskKind.TASK;
    }

    private CampaignPriority parsedPriority() {
        return blank(priority) ? null : TaskListParams.priority(priority);
    }

    Map<String, Integer> parsedSkills() {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        if (blank(skills)) {
            return parsed;
        }
        for (String part : skills.split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] nameLevel = part.trim().split("\\s*[:=]\\s*|\\s+(?=\\d+$)");
            try {
                parsed.put(nameLevel[0].trim(), nameLevel.length > 1 ? Integer.parseInt(nameLevel[1].trim()) : 1);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("skills", "write each as name:level, e.g. copywriting:3");
            }
        }
        return parsed;
    }

    static String skillsText(Map<String, Integer> skills) {
        return skills.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 2031-03-01");
        }
    }

    private static Double decimal(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number");
        }
    }

    private static Integer integer(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a milestone of this campaign");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
