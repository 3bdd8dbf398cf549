package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.Map;

import io.flightdeck.planning.TaskStatus;
import io.flightdeck.shared.ConflictException;

/** A 409 for a move the task status machine does not allow, naming the moves it does. */
class IllegalTaskTransition extends ConflictException {

    IllegalTaskTransition(TaskStatus current, TaskStatus target) {
        super("illegal-task-transition", "A task that is " + current.label().toLowerCase() + " cannot move to "
                + target.label().toLowerCase() + "; it can move to " + allowed(current), Map.of(
                "currentStatus", current,
                "allowedStatuses", List.copyOf(current.next())));
    }

    private static String allowed(TaskStatus current) {
        List<String> labels = current.next().stream().map(s -> s.label().toLowerCase()).toList();
        return String.join(", ", labels);
    }
}
