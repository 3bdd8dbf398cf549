package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks as the team's figures see them: who has them, when they run, their estimate and when they were started and
 * completed. One query each, whatever the team's size. Public for the workload package; other modules have no use for
 * it.
 */
@Component
@Transactional(readOnly = true)
public class AssignedWork {

    /** One assigned task. Dates may be null for tasks nobody dated. */
    public record Item(UUID taskId, UUID assigneeId, LocalDate startDate, LocalDate dueDate, double estimateHours,
            Instant startedAt, Instant completedAt) {
    }

    private final TaskRepository tasks;

    AssignedWork(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /** Open tasks with an assignee whose dates overlap [from, to]: what fills members' weeks. */
    public List<Item> openBetween(LocalDate from, LocalDate to) {
        return tasks.findAssignedOpenBetween(from, to).stream().map(AssignedWork::item).toList();
    }

    /** Assigned tasks not cancelled (done ones included) whose dates overlap [from, to]: past utilisation. */
    public List<Item> notCancelledBetween(LocalDate from, LocalDate to) {
        return tasks.findAssignedNotCancelledBetween(from, to).stream().map(AssignedWork::item).toList();
    }

    /** Tasks with an assignee completed since a moment, for throughput, on-time rate and cycle time. */
    public List<Item> completedSince(Instant since) {
        return tasks.findCompletedSince(since).stream().filter(t -> t.getAssigneeId() != null)
                .map(AssignedWork::item).toList();
    }

    private static Item item(Task t) {
        return new Item(t.getId(), t.getAssigneeId(), t.getStartDate(), t.getDueDate(), t.getEstimateHours(),
                t.getStartedAt(), t.getCompletedAt());
    }
}
