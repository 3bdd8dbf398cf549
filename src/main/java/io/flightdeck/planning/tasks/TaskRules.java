package io.flightdeck.planning.tasks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.planning.team.SkillNames;
import io.flightdeck.shared.InvalidInputException;

/**
 * The limits a task's fields keep, checked in the service so that the pages get the same answers as the API (whose
 * bean validation catches most of it first).
 */
final class TaskRules {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4_000;
    static final double ESTIMATE_MAX = 1_000;
    static final int DURATION_MAX = 250;
    static final int SKILLS_MAX = 20;
    static final int CHECKLIST_MAX = 50;
    static final int ITEM_MAX = 200;
    static final int ATTACHMENTS_MAX = 20;
    static final int URL_MAX = 2_000;

    private TaskRules() {
    }

    static String title(String title) {
        String text = title == null ? "" : title.strip();
        if (text.isEmpty() || text.length() > TITLE_MAX) {
            throw new InvalidInputException("title", "must be 1 to " + TITLE_MAX + " characters");
        }
        return text;
    }

    static String description(String description) {
        String text = description == null ? null : description.strip();
        if (text != null && text.length() > DESCRIPTION_MAX) {
            throw new InvalidInputException("description", "must be at most " + DESCRIPTION_MAX + " characters");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    static double estimate(double hours) {
        if (Double.isNaN(hours) || hours < 0 || hours > ESTIMATE_MAX) {
            throw new InvalidInputException("estimateHours", "must be between 0 and " + (int) ESTIMATE_MAX + " hours");
        }
        return hours;
    }

    static int duration(int days) {
        if (days < 0 || days > DURATION_MAX) {
            throw new InvalidInputException("durationDays", "must be between 0 and " + DURATION_MAX + " working days");
        }
        return days;
    }

    /** Skill names stored the way team profiles store them (lower case, dashes), so matching is exact; levels 1 to 5. */
    static Map<String, Integer> skills(Map<String, Integer> skills) {
        if (skills.size() > SKILLS_MAX) {
            throw new InvalidInputException("skills", "may name at most " + SKILLS_MAX + " skills");
        }
        Map<String, Integer> checked = new LinkedHashMap<>();
        skills.forEach((name, level) -> {
            String key = name == null ? "" : SkillNames.normalise(name);
            if (!SkillNames.valid(key)) {
                throw new InvalidInputException("skills",
                        "a skill name is 1 to 40 letters, digits or dashes, starting with a letter");
            }
            if (level == null || level < 1 || level > 5) {
                throw new InvalidInputException("skills", "level of " + key + " must be between 1 and 5");
            }
            checked.put(key, level);
        });
        return checked;
    }

    static List<ChecklistItem> checklist(List<ChecklistItem> items) {
        if (items.size() > CHECKLIST_MAX) {
            throw new InvalidInputException("checklist", "may have at most " + CHECKLIST_MAX + " items");
        }
        return items.stream().map(item -> {
            String text = item == null || item.text() == null ? "" : item.text().strip();
            if (text.isEmpty() || text.length() > ITEM_MAX) {
                throw new InvalidInputException("checklist", "items must be 1 to " + ITEM_MAX + " characters");
            }
            return new ChecklistItem(text, item.done());
        }).toList();
    }

    static List<Attachment> attachments(List<Attachment> attachments) {
        if (attachments.size() > ATTACHMENTS_MAX) {
            throw new InvalidInputException("attachments", "may have at most " + ATTACHMENTS_MAX + " links");
        }
        return attachments.stream().map(a -> {
            String name = a == null || a.name() == null ? "" : a.name().strip();
            if (name.isEmpty() || name.length() > ITEM_MAX) {
                throw new InvalidInputException("attachments", "names must be 1 to " + ITEM_MAX + " characters");
            }
            String url = a.url() == null ? "" : a.url().strip();
            if (!isWebAddress(url)) {
                throw new InvalidInputException("attachments", "links must be http or https addresses");
            }
            return new Attachment(name, url);
        }).toList();
    }

    static boolean isWebAddress(String url) {
        if (url.isEmpty() || url.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void refuseScheduleChange(Task task, TaskChange change) {
        boolean moved = (change.durationDays() != null && change.durationDays() != task.getDurationDays())
                || (change.startDate() != null && !change.startDate().equals(task.getStartDate()))
                || (change.dueDate() != null && !change.dueDate().equals(task.getDueDate())) || change.clearDates();
        if (moved) {
            throw new InvalidInputException(change.durationDays() != null ? "durationDays" : "dueDate",
                    "of a task on a timeline change through PATCH /api/v1/tasks/{id}/schedule (or the Gantt chart)");
        }
    }

    static void checkDates(LocalDate start, LocalDate due) {
        if (start != null && due != null && due.isBefore(start)) {
            throw new InvalidInputException("dueDate", "must be on or after the start date");
        }
    }

    static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
