package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.UUID;
import io.flightdeck.planning.templates.DependencyCycleException;

/**
 * Finish-to-start links between tasks of one campaign. A link that would close a loop is refused with
 * {@link DependencyCycleException}; every change lays the campaign's timeline out again.
 */
public interface TaskLinks {

    /** A task's predecessors and successors. */
    TaskDependencyLinks list(UUID taskId);

    /** Makes {@code taskId} wait for {@code predecessorId}; answers the task with its new predecessors. */
    TaskView add(UUID taskId, UUID predecessorId);

    TaskView remove(UUID taskId, UUID predecessorId);

    /** The campaign's tasks that {@code taskId} could wait for: not itself, not already, not closing a loop. */
    List<TaskRef> candidates(UUID taskId);
}
