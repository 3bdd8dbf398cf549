package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.UUID;

/** A task's predecessors (what it waits for) and successors (what waits for it). */
public record TaskDependencyLinks(UUID taskId, List<TaskRef> predecessors, List<TaskRef> successors) {
}
