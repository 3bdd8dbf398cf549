package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One of a member's open tasks, as other modules rank it among the member's other work.
 *
 * @param dueDate  the due date, or null when the task has none
 * @param overdue  past its due date and not done
 * @param critical on its campaign's critical path: a day late here is a day late for the campaign
 * @param atRisk   its slack is used up, so it can no longer start later without missing its date
 */
public record AssignedTask(UUID taskId, UUID campaignId, String campaignName, String title, LocalDate dueDate,
        boolean overdue, boolean critical, boolean atRisk) {

    /** The task's page. */
    public String link() {
        return "/tasks/" + taskId;
    }
}
