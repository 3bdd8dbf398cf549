package io.flightdeck.publishing.posts;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.publishing.posts.ChannelPostStatus.FAILED;
import static io.flightdeck.publishing.posts.ChannelPostStatus.IN_DOUBT;
import static io.flightdeck.publishing.posts.ChannelPostStatus.MISSED;
import static io.flightdeck.publishing.posts.ChannelPostStatus.PUBLISHING;
import static io.flightdeck.publishing.posts.ChannelPostStatus.SCHEDULED;

/**
 * A channel post's state machine: every move and the statuses it may start from. People change a post until it is
 * sent, retry a failed one and settle one in doubt; the runner's moves take it through an attempt, and are never
 * offered to a client.
 */
enum ChannelPostMove implements StateMove<ChannelPostStatus> {
    RESCHEDULE(EnumSet.of(SCHEDULED, FAILED, MISSED)),
    EDIT(EnumSet.of(SCHEDULED, FAILED, MISSED)),
    CANCEL(EnumSet.of(SCHEDULED, FAILED, MISSED, IN_DOUBT)),
    PUBLISH(EnumSet.of(SCHEDULED, FAILED, MISSED)),
    RETRY(EnumSet.of(FAILED)),
    RESOLVE(EnumSet.of(IN_DOUBT)),
    // the runner's
    WAIT(EnumSet.of(SCHEDULED), "wait"),
    MISS(EnumSet.of(SCHEDULED), "miss"),
    START_ATTEMPT(EnumSet.of(SCHEDULED), "start an attempt of"),
    RECORD_PUBLISHED(EnumSet.of(PUBLISHING), "record as published"),
    RECORD_FAILURE(EnumSet.of(PUBLISHING), "record a failure of"),
    SEND_AGAIN(EnumSet.of(PUBLISHING), "send again"),
    MARK_IN_DOUBT(EnumSet.of(PUBLISHING), "mark in doubt");

    private final Set<ChannelPostStatus> from;
    /** The runner's moves say what they are in a sentence; people's are named by their endpoint. */
    private final String runnerWords;

    ChannelPostMove(Set<ChannelPostStatus> from) {
        this(from, null);
    }

    ChannelPostMove(Set<ChannelPostStatus> from, String runnerWords) {
        this.from = from;
        this.runnerWords = runnerWords;
    }

    @Override
    public boolean allowedFrom(ChannelPostStatus status) {
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

    void requireFrom(ChannelPostStatus status) {
        requireFrom(status, "post");
    }
}
