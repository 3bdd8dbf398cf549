package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.tasks.TaskChange;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.InvalidInputException;

/**
 * The create and edit form of the task pages, as typed: numbers and dates stay text until {@link #toChange} reads
 * them, so a typo comes back beside its field instead of failing the whole request. Skills come as chips: repeated
 * {@code skillName}/{@code skillLevel} pairs (a pair with an empty name is left out); {@code skills}, the older
 * {@code copywriting:3, design:2} text, is read only when no pair is posted.
 */
record TaskForm(String title, String description, String kind, String priority, String estimateHours,
        String durationDays, String startDate, String dueDate, String skills, String milestoneId,
        List<String> skillName, List<String> skillLevel) {

    static TaskForm blank() {
        return new TaskForm("", "", "TASK", "", "", "", "", "", "", "", null, null);
    }

    static TaskForm of(TaskView task) {
        return new TaskForm(task.title(), task.description() == null ? "" : task.description(), task.kind().name(),
                task.priority().name(), number(task.estimateHours()), String.valueOf(task.durationDays()),
                task.startDate() == null ? "" : task.startDate().toString(),
                task.dueDate() == null ? "" : task.dueDate().toString(), skillsText(task.skills()),
                task.milestone() == null ? "" : task.milestone().id().toString(), null, null);
    }

    /** The skills as the chips show them: the posted pairs, or else the stored ones. */
    public List<SkillChip> skillChips() {
        List<SkillChip> chips = new ArrayList<>();
        if (skillName != null) {
            for (int i = 0; i < skillName.size(); i++) {
                String level = skillLevel != null && i < skillLevel.size() ? skillLevel.get(i) : "";
                if (skillName.get(i) != null && !skillName.get(i).isBlank()) {
                    chips.add(new SkillChip(skillName.get(i).strip(), level));
                }
            }
            return chips;
        }
        try {
            parsedSkills().forEach((name, level) -> chips.add(new SkillChip(name, String.valueOf(level))));
        } catch (InvalidInputException e) {
            // shown beside the field; the chips start empty
        }
        return chips;
    }

    /**
     * What the form asks for. On create every field counts; on edit the whole form is the new state, so an empty
     * milestone or empty dates clear them, and a timeline task's schedule is left out (the Gantt chart owns it).
     */
    TaskChange toChange(boolean create, boolean onTimeline) {
        boolean dated = !onTimeline;
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (blank(title)) {
            problems.add(new InvalidInputException.Problem("title", "must be 1 to 200 characters"));
        }
        LocalDate start = dated || create ? date("startDate", startDate, problems) : null;
        LocalDate due = dated ? date("dueDate", dueDate, problems) : null;
        UUID milestone = blank(milestoneId) ? null : uuid("milestoneId", milestoneId, problems);
        Double estimate = decimal("estimateHours", estimateHours, problems);
        Integer duration = onTimeline && !create ? null : integer("durationDays", durationDays, problems);
        Map<String, Integer> parsedSkills = Map.of();
        try {
            parsedSkills = parsedSkills();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The task has " + problems.size() + " problems", problems);
        }
        return new TaskChange(title, description == null ? "" : description, create ? parsedKind() : null,
                parsedPriority(), estimate, duration, start, due, parsedSkills, milestone,
                !create && milestone == null, !create && dated, null, null);
    }

    private TaskKind parsedKind() {
        return "MILESTONE".equalsIgnoreCase(kind) ? TaskKind.MILESTONE : TaskKind.TASK;
    }

    private CampaignPriority parsedPriority() {
        return blank(priority) ? null : TaskListParams.priority(priority);
    }

    Map<String, Integer> parsedSkills() {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        if (skillName != null) {
            for (int i = 0; i < skillName.size(); i++) {
                String name = skillName.get(i);
                if (name == null || name.isBlank()) {
                    continue;
                }
                String level = skillLevel != null && i < skillLevel.size() ? skillLevel.get(i) : null;
                try {
                    parsed.put(name.strip(), Integer.parseInt(level == null ? "" : level.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("skills", "choose a level from 1 to 5 for " + name.strip());
                }
            }
            return parsed;
        }
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

    private static LocalDate date(String field, String value, List<InvalidInputException.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem(field, "must be a date like 2031-03-01"));
            return null;
        }
    }

    private static Double decimal(String field, String value, List<InvalidInputException.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, "must be a number, such as 4 or 2.5"));
            return null;
        }
    }

    private static Integer integer(String field, String value, List<InvalidInputException.Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, "must be a whole number"));
            return null;
        }
    }

    private static UUID uuid(String field, String value, List<InvalidInputException.Problem> problems) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.Problem(field, "is not a milestone of this campaign"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
