package io.flightdeck.publishing.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one step stands.
 *
 * @param attempts how many times the step was run
 * @param message  what the step last found, in words
 */
record StepState(WorkflowStep step, StepStatus status, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        int attempts, @Nullable String message) {

    static StepState pending(WorkflowStep step) {
        return new StepState(step, StepStatus.PENDING, null, null, 0, null);
    }

    StepState ran(StepStatus newStatus, String newMessage, Instant now) {
        return new StepState(step, newStatus, startedAt == null ? now : startedAt, newStatus.ends() ? now : null,
                attempts + 1, newMessage);
    }

    public boolean done() {
        return status == StepStatus.DONE;
    }
}
