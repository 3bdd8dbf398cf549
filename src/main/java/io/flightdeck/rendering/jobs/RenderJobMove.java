package io.flightdeck.rendering.jobs;

import java.util.Arrays;

import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.rendering.jobs.RenderStatus.CANCELLED;
import static io.flightdeck.rendering.jobs.RenderStatus.FAILED;
import static io.flightdeck.rendering.jobs.RenderStatus.QUEUED;
import static io.flightdeck.rendering.jobs.RenderStatus.RUNNING;

/**
 * A render job's state machine (seed 001): every move and the statuses it may start from. People submit and cancel;
 * the runner's moves take a job through its attempts and are never offered to a client. A queued job is one of two:
 * created and waiting for a person's submit, or submitted and waiting for the runner, so that flag decides between
 * submitting it and starting an attempt.
 */
enum RenderJobMove implements RuledMove<RenderStatus> {
    SUBMIT(MoveRule.of(QUEUED, FAILED, CANCELLED)),
    CANCEL(MoveRule.of(QUEUED, RUNNING)),
    START_ATTEMPT(MoveRule.system("start an attempt of", QUEUED)),
    RECORD_PROVIDER_ID(MoveRule.system("record the provider's id of", RUNNING)),
    PUBLISH(MoveRule.system("publish", RUNNING)),
    FAIL(MoveRule.system("fail", QUEUED, RUNNING)),
    CANCELLED_BY_PROVIDER(MoveRule.system("record the provider's cancel of", RUNNING));

    private final MoveRule<RenderStatus> rule;

    RenderJobMove(MoveRule<RenderStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<RenderStatus> rule() {
        return rule;
    }

    /** Whether the move may be made from the status, given whether a queued job was submitted. */
    boolean allowedFor(RenderStatus status, boolean submitted) {
        if (status == QUEUED && (this == SUBMIT || this == START_ATTEMPT)) {
            return (this == START_ATTEMPT) == submitted;
        }
        return allowedFrom(status);
    }

    void requireFor(RenderStatus status, boolean submitted) {
        if (!allowedFor(status, submitted)) {
            throw IllegalTransition.refusing(this, status, "render job", Arrays.stream(values())
                    .filter(move -> move.offered() && move.allowedFor(status, submitted)).toList());
        }
    }
}
