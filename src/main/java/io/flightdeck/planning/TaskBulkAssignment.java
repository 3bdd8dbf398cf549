package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.List;

/** A bulk auto-assignment: one proposal per task in the order they were assigned, and how many found someone. */
public record TaskBulkAssignment(boolean dryRun, int tasks, int assigned, int unassignable, LocalDate from, LocalDate to,
        List<TaskAssignmentProposal> choices) {
}
