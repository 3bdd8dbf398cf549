package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.templates.TaskKind;

/**
 * A new task, or the fields of an update: on update a null field keeps its value; {@code clearMilestone} unlinks
 * the milestone, and {@code clearDates} replaces both hand-set dates with the given ones, nulls included. Dates and duration of a task on a timeline belong to the timeline (its schedule
 * endpoint), so an update of a timeline task may not carry them.
 */
public record TaskChange(String title, String description, TaskKind kind, CampaignPriority priority,
        Double estimateHours, Integer durationDays, LocalDate startDate, LocalDate dueDate,
        Map<String, Integer> skills, UUID milestoneId, boolean clearMilestone, boolean clearDates,
        List<ChecklistItem> checklist, List<Attachment> attachments) {

    /** Only a new checklist. */
    public static TaskChange checklist(List<ChecklistItem> checklist) {
        return new TaskChange(null, null, null, null, null, null, null, null, null, null, false, false, checklist, null);
    }

    /** Only new attachments. */
    public static TaskChange attachments(List<Attachment> attachments) {
        return new TaskChange(null, null, null, null, null, null, null, null, null, null, false, false, null,
                attachments);
    }
}
