package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.planning.TaskKind;
import io.flightdeck.planning.TaskStatus;
import io.flightdeck.shared.ConflictException;

/** A 409 for a move the task status machine does not allow, naming the moves it does. */
class IllegalTaskTransition extends ConflictException {

    IllegalTaskTransition(TaskStatus current, TaskStatus target, TaskKind kind) {
        super("illegal-task-transition", "A " + (kind == TaskKind.MILESTONE ? "milestone" : "task") + " that is "
                + current.label().toLowerCase() + " cannot move to " + target.label().toLowerCase()
                + "; it can move to " + allowed(current.next(kind)), Map.of(
                "currentStatus", current,
                "allowedStatuses", List.copyOf(current.next(kind))));
    }

    private static String allowed(Set<TaskStatus> moves) {
        List<String> labels = moves.stream().map(s -> s.label().toLowerCase()).toList();
        return String.join(", ", labels);
    }
}
