package io.flightdeck.notifications.domain;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.notifications.domain.DeliveryStatus.DEAD;
import static io.flightdeck.notifications.domain.DeliveryStatus.DIGEST;
import static io.flightdeck.notifications.domain.DeliveryStatus.FAILED;
import static io.flightdeck.notifications.domain.DeliveryStatus.QUEUED;
import static io.flightdeck.notifications.domain.DeliveryStatus.SENDING;

/**
 * A notification delivery's state machine. A person retries a dead one; the runner's moves take it through its
 * attempts (one cut off, still SENDING, is attempted again) and are never offered to a client.
 */
enum DeliveryMove implements StateMove<DeliveryStatus> {
    RETRY(EnumSet.of(DEAD), null),
    // the runner's
    START_ATTEMPT(EnumSet.of(QUEUED, FAILED, SENDING), "start an attempt of"),
    RECORD_SENT(EnumSet.of(SENDING), "record as sent"),
    RECORD_FAILURE(EnumSet.of(SENDING), "record a failure of"),
    GIVE_UP(EnumSet.of(QUEUED, FAILED, SENDING, DIGEST), "give up on"),
    GATHER(EnumSet.of(DIGEST), "gather into a digest");

    private final Set<DeliveryStatus> from;
    /** The runner's moves say what they are in a sentence; a person's is named by its endpoint. */
    private final String runnerWords;

    DeliveryMove(Set<DeliveryStatus> from, String runnerWords) {
        this.from = from;
        this.runnerWords = runnerWords;
    }

    @Override
    public boolean allowedFrom(DeliveryStatus status) {
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

    void requireFrom(DeliveryStatus status) {
        requireFrom(status, "delivery");
    }
}
