package io.flightdeck.rendering.jobs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.shared.StateMove;

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
enum RenderJobMove implements StateMove<RenderStatus> {
    SUBMIT(EnumSet.of(QUEUED, FAILED, CANCELLED), null),
    CANCEL(EnumSet.of(QUEUED, RUNNING), null),
    START_ATTEMPT(EnumSet.of(QUEUED), "start an attempt of"),
    RECORD_PROVIDER_ID(EnumSet.of(RUNNING), "record the provider's id of"),
    PUBLISH(EnumSet.of(RUNNING), "publish"),
    FAIL(EnumSet.of(QUEUED, RUNNING), "fail"),
    CANCELLED_BY_PROVIDER(EnumSet.of(RUNNING), "record the provider's cancel of");

    private final Set<RenderStatus> from;
    /** The runner's moves say what they are in a sentence; people's are named by their endpoint. */
    private final String runnerWords;

    RenderJobMove(Set<RenderStatus> from, String runnerWords) {
        this.from = from;
        this.runnerWords = runnerWords;
    }

    @Override
    public boolean allowedFrom(RenderStatus status) {
        return from.contains(status);
    }

    @Override
    public boolean offered() {
        return runnerWords == null;
    }

    @Override
    public String inWords() {
        return runnerWords != null ? runnerWords : StateMove.super.inWords();
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
