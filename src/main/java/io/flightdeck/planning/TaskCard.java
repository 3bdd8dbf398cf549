package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.UUID;

/** What names a task outside planning: its title, campaign, due date and assignee. */
public record TaskCard(UUID taskId, UUID campaignId, String title, LocalDate dueDate, UUID assigneeId) {
}
