package io.flightdeck.planning.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.tasks.TaskFilter;
import io.flightdeck.planning.tasks.TaskStatus;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;

/** Turns the list filters of the API and the pages (status repeatable, assignee id, me or none) into a filter. */
final class TaskListParams {

    private TaskListParams() {
    }

    static TaskFilter filter(UUID campaignId, List<String> status, String assignee, String priority, UUID milestone,
            boolean overdue, boolean atRisk, String q) {
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        if (status != null) {
            for (String s : status) {
                if (s != null && !s.isBlank()) {
                    statuses.add(status(s));
                }
            }
        }
        UUID assigneeId = null;
        boolean unassigned = false;
        if (assignee != null && !assignee.isBlank()) {
            String value = assignee.trim().toLowerCase(Locale.ROOT);
            if (value.equals("me")) {
                assigneeId = CurrentActor.require().userId();
            } else if (value.equals("none")) {
                unassigned = true;
            } else {
                try {
                    assigneeId = UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("assignee", "must be a member id, me or none");
                }
            }
        }
        return new TaskFilter(campaignId, statuses, assigneeId, unassigned, priority(priority), milestone, overdue,
                atRisk, q == null || q.isBlank() ? null : q.trim());
    }

    static TaskStatus status(String value) {
        try {
            return TaskStatus.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of todo, in_progress, blocked, in_review, done, cancelled");
        }
    }

    static CampaignPriority priority(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CampaignPriority.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("priority", "must be one of low, medium, high, urgent");
        }
    }
}
