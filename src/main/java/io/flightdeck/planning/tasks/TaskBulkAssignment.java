package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A bulk auto-assignment: one proposal per task in the order they were assigned, how many found someone, and the tasks
 * nobody qualifies for with the reason for each ({@code unqualified}, in the same order).
 */
public record TaskBulkAssignment(boolean dryRun, int tasks, int assigned, int unassignable, LocalDate from, LocalDate to,
        List<TaskAssignmentProposal> choices, List<UnassignedTask> unqualified) {

    /** A task nobody qualifies for, and why (see {@link TaskAssignmentProposal.AssignmentShortfall}). */
    public record UnassignedTask(UUID taskId, String taskTitle, String reason, List<String> missingSkills,
            boolean overCapacity) {
    }
}
