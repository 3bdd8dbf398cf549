package io.flightdeck.planning.tasks;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;

/**
 * What a task list is narrowed by; every field is optional. {@code unassigned} keeps tasks nobody has;
 * {@code atRisk} is decided after the query (it needs the timeline and the calendar).
 */
public record TaskFilter(UUID campaignId, Set<TaskStatus> statuses, UUID assigneeId, boolean unassigned,
        CampaignPriority priority, UUID milestoneId, boolean overdue, boolean atRisk, String q) {

    public boolean narrowed() {
        return (statuses != null && !statuses.isEmpty()) || assigneeId != null || unassigned || priority != null
                || milestoneId != null || overdue || atRisk || (q != null && !q.isBlank());
    }
}
