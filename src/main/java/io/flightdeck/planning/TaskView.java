package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;

/**
 * A task as the API and the pages show it. {@code overdue}: open and past its due date. {@code atRisk}: on the critical
 * path and overdue, not started past its latest start, or without an assignee. {@code allowedStatuses}: the moves its
 * status allows (predecessors may still hold back a start).
 */
public record TaskView(UUID id, UUID campaignId, String campaignName, UUID timelineId, TaskKind kind, String title,
        String description, TaskStatus status, Set<TaskStatus> allowedStatuses, CampaignPriority priority,
        double estimateHours, int durationDays, LocalDate pinnedStart, LocalDate startDate, LocalDate dueDate,
        LocalDate latestStartDate, TaskRef milestone, UUID assigneeId, String assigneeName, String assignedBy,
        Map<String, Integer> skills, List<ChecklistItem> checklist, int checklistDone, int checklistTotal,
        List<Attachment> attachments, int position, boolean critical, Integer slackDays, boolean overdue,
        boolean atRisk, List<TaskRef> predecessors, List<TaskRef> successors, Instant startedAt, Instant completedAt,
        Instant createdAt, Instant updatedAt, long version) {

    /** The predecessors still open: what holds a start back. */
    public List<TaskRef> openPredecessors() {
        return predecessors.stream().filter(p -> p.status().open()).toList();
    }

    public boolean onTimeline() {
        return timelineId != null;
    }
}
