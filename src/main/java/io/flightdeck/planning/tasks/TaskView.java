package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.templates.TaskKind;
import org.jspecify.annotations.Nullable;

/**
 * A task as the API and the pages show it. {@code overdue}: open and past its due date. {@code atRisk}: on the critical
 * path and overdue, not started past its latest start, or without an assignee. {@code allowedStatuses}: the moves its
 * status allows (a milestone's include done from to do: it is completed in one move). {@code blockedBy}: the
 * predecessors still open, which hold back {@code waitingStatuses}, the allowed moves that start the work (in progress,
 * in review, done); the API refuses those with 409 predecessors-open until the predecessors are done or cancelled.
 */
public record TaskView(UUID id, UUID campaignId, String campaignName, @Nullable UUID timelineId, TaskKind kind,
        String title, @Nullable String description, TaskStatus status, Set<TaskStatus> allowedStatuses,
        CampaignPriority priority, double estimateHours, int durationDays, @Nullable LocalDate pinnedStart,
        @Nullable LocalDate startDate, @Nullable LocalDate dueDate, @Nullable LocalDate latestStartDate,
        @Nullable TaskRef milestone, @Nullable UUID assigneeId, @Nullable String assigneeName,
        @Nullable String assignedBy, Map<String, Integer> skills, List<ChecklistItem> checklist, int checklistDone,
        int checklistTotal, List<Attachment> attachments, int position, boolean critical, @Nullable Integer slackDays,
        boolean overdue, boolean atRisk, List<TaskRef> predecessors, List<TaskRef> successors,
        @Nullable Instant startedAt, @Nullable Instant completedAt, Instant createdAt, Instant updatedAt, long version,
        List<TaskRef> blockedBy, Set<TaskStatus> waitingStatuses) {

    /** The predecessors still open: what holds a start back. */
    public List<TaskRef> openPredecessors() {
        return blockedBy;
    }

    /** Whether an open predecessor holds back a move this task's status allows. */
    public boolean waiting() {
        return !waitingStatuses.isEmpty();
    }

    /** Whether {@code target} is a move the status allows that an open predecessor holds back. */
    public boolean heldBack(TaskStatus target) {
        return waitingStatuses.contains(target);
    }

    /** "Waiting for Brief" or "Waiting for Brief and Research": the marker's text and the disabled moves' reason. */
    public String waitingReason() {
        if (blockedBy.isEmpty()) {
            return null;
        }
        List<String> titles = blockedBy.stream().map(TaskRef::title).toList();
        String named = titles.size() == 1 ? titles.get(0)
                : String.join(", ", titles.subList(0, titles.size() - 1)) + " and " + titles.get(titles.size() - 1);
        return "Waiting for " + named;
    }

    public boolean onTimeline() {
        return timelineId != null;
    }
}
