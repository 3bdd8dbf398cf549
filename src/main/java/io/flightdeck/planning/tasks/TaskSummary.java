package io.flightdeck.planning.tasks;

import java.util.Map;

/** A campaign's tasks in numbers, for its card on the campaign page. */
record TaskSummary(int total, Map<TaskStatus, Integer> byStatus, int overdue, int atRisk, int unassigned,
        boolean hasTimeline) {

    public int count(TaskStatus status) {
        return byStatus.getOrDefault(status, 0);
    }
}
