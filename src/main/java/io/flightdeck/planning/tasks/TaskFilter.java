package io.flightdeck.planning.tasks;

import java.util.Collections;
import java.util.EnumSet;
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

    /** The statuses of a task someone still has to work on. */
    public static final Set<TaskStatus> OPEN = Collections.unmodifiableSet(EnumSet.of(TaskStatus.TODO,
            TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_REVIEW));

    /** A member's open tasks, optionally only the overdue ones (the home page's tasks, the overdue badge, guidance). */
    public static TaskFilter openAssignedTo(UUID memberId, boolean overdue) {
        return new TaskFilter(null, OPEN, memberId, false, null, null, overdue, false, null);
    }
}
