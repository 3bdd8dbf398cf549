package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.UUID;

/** An open task on the critical path as readiness reads it: who has it and when it is due. */
record CriticalTask(UUID id, String title, UUID assigneeId, LocalDate dueDate) {

    /** As {@link Task#overdue}: the task is open, so only its due date decides. */
    boolean overdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today);
    }
}
