package io.flightdeck.publishing.posts;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

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
enum ChannelPostMove implements RuledMove<ChannelPostStatus> {
    RESCHEDULE(MoveRule.of(SCHEDULED, FAILED, MISSED)),
    EDIT(MoveRule.of(SCHEDULED, FAILED, MISSED)),
    CANCEL(MoveRule.of(SCHEDULED, FAILED, MISSED, IN_DOUBT)),
    PUBLISH(MoveRule.of(SCHEDULED, FAILED, MISSED)),
    RETRY(MoveRule.of(FAILED)),
    RESOLVE(MoveRule.of(IN_DOUBT)),
    // the runner's
    WAIT(MoveRule.system("wait", SCHEDULED)),
    MISS(MoveRule.system("miss", SCHEDULED)),
    START_ATTEMPT(MoveRule.system("start an attempt of", SCHEDULED)),
    RECORD_PUBLISHED(MoveRule.system("record as published", PUBLISHING)),
    RECORD_NETWORK_REF(MoveRule.system("record the network's name of the attempt of", PUBLISHING)),
    RECORD_FAILURE(MoveRule.system("record a failure of", PUBLISHING)),
    SEND_AGAIN(MoveRule.system("send again", PUBLISHING)),
    MARK_IN_DOUBT(MoveRule.system("mark in doubt", PUBLISHING)),
    /** The network's lookup, asked again when the network reported a new post, found a post in doubt. */
    SETTLE_FOUND(MoveRule.system("settle as found on the network", IN_DOUBT));

    private final MoveRule<ChannelPostStatus> rule;

    ChannelPostMove(MoveRule<ChannelPostStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<ChannelPostStatus> rule() {
        return rule;
    }

    void requireFrom(ChannelPostStatus status) {
        requireFrom(status, "post");
    }
}
