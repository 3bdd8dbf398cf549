package io.flightdeck.notifications.domain;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.notifications.domain.DeliveryStatus.DEAD;
import static io.flightdeck.notifications.domain.DeliveryStatus.FAILED;
import static io.flightdeck.notifications.domain.DeliveryStatus.QUEUED;
import static io.flightdeck.notifications.domain.DeliveryStatus.SENDING;
import static io.flightdeck.notifications.domain.DeliveryStatus.SENT;

/**
 * A webhook message's state machine. A person replays one that has ended, sent or dead (one still being tried has its
 * own next attempt); the runner's moves take it through its attempts and are never offered to a client.
 */
enum WebhookMessageMove implements StateMove<DeliveryStatus> {
    REPLAY(EnumSet.of(SENT, DEAD), null),
    // the runner's
    START_ATTEMPT(EnumSet.of(QUEUED, FAILED, SENDING), "start an attempt of"),
    RECORD_SENT(EnumSet.of(SENDING), "record as sent"),
    RECORD_FAILURE(EnumSet.of(SENDING), "record a failure of"),
    // a message its last failure made dead still takes the reason its endpoint was switched off for
    GIVE_UP(EnumSet.of(QUEUED, FAILED, SENDING, DEAD), "give up on");

    private final Set<DeliveryStatus> from;
    /** The runner's moves say what they are in a sentence; a person's is named by its endpoint. */
    private final String runnerWords;

    WebhookMessageMove(Set<DeliveryStatus> from, String runnerWords) {
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
        requireFrom(status, "webhook message");
    }
}
