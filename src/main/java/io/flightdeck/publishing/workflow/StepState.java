package io.flightdeck.publishing.workflow;

import java.time.Instant;

/**
 * Where one step stands.
 *
 * @param status   PENDING, RUNNING, WAITING (held by something a person must fix), DONE or FAILED
 * @param attempts how many times the step was run
 * @param message  what the step last found, in words
 */
public record StepState(WorkflowStep step, String status, Instant startedAt, Instant finishedAt, int attempts,
        String message) {

    static StepState pending(WorkflowStep step) {
        return new StepState(step, "PENDING", null, null, 0, null);
    }

    StepState ran(String newStatus, String newMessage, Instant now) {
        boolean ends = newStatus.equals("DONE") || newStatus.equals("FAILED");
        return new StepState(step, newStatus, startedAt == null ? now : startedAt, ends ? now : null, attempts + 1,
                newMessage);
    }

    public boolean done() {
        return status.equals("DONE");
    }
}
