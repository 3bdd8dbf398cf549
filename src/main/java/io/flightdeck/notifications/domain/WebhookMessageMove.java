package io.flightdeck.notifications.domain;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.notifications.domain.DeliveryStatus.DEAD;
import static io.flightdeck.notifications.domain.DeliveryStatus.FAILED;
import static io.flightdeck.notifications.domain.DeliveryStatus.QUEUED;
import static io.flightdeck.notifications.domain.DeliveryStatus.SENDING;
import static io.flightdeck.notifications.domain.DeliveryStatus.SENT;

/**
 * A webhook message's state machine. A person replays one that has ended, sent or dead (one still being tried has its
 * own next attempt); the runner's moves take it through its attempts and are never offered to a client.
 */
enum WebhookMessageMove implements RuledMove<DeliveryStatus> {
    REPLAY(MoveRule.of(SENT, DEAD)),
    // the runner's
    START_ATTEMPT(MoveRule.system("start an attempt of", QUEUED, FAILED, SENDING)),
    RECORD_SENT(MoveRule.system("record as sent", SENDING)),
    RECORD_FAILURE(MoveRule.system("record a failure of", SENDING)),
    // a message its last failure made dead still takes the reason its endpoint was switched off for
    GIVE_UP(MoveRule.system("give up on", QUEUED, FAILED, SENDING, DEAD));

    private final MoveRule<DeliveryStatus> rule;

    WebhookMessageMove(MoveRule<DeliveryStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<DeliveryStatus> rule() {
        return rule;
    }

    void requireFrom(DeliveryStatus status) {
        requireFrom(status, "webhook message");
    }
}
