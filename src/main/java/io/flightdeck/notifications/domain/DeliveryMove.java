package io.flightdeck.notifications.domain;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.notifications.domain.DeliveryStatus.DEAD;
import static io.flightdeck.notifications.domain.DeliveryStatus.DIGEST;
import static io.flightdeck.notifications.domain.DeliveryStatus.FAILED;
import static io.flightdeck.notifications.domain.DeliveryStatus.QUEUED;
import static io.flightdeck.notifications.domain.DeliveryStatus.SENDING;

/**
 * A notification delivery's state machine. A person retries a dead one; the runner's moves take it through its
 * attempts (one cut off, still SENDING, is attempted again) and are never offered to a client.
 */
enum DeliveryMove implements RuledMove<DeliveryStatus> {
    RETRY(MoveRule.of(DEAD)),
    // the runner's
    START_ATTEMPT(MoveRule.system("start an attempt of", QUEUED, FAILED, SENDING)),
    RECORD_SENT(MoveRule.system("record as sent", SENDING)),
    RECORD_FAILURE(MoveRule.system("record a failure of", SENDING)),
    WAIT_FOR_DIGEST(MoveRule.system("hold for a digest", QUEUED)),
    GIVE_UP(MoveRule.system("give up on", QUEUED, FAILED, SENDING, DIGEST)),
    GATHER(MoveRule.system("gather into a digest", DIGEST));

    private final MoveRule<DeliveryStatus> rule;

    DeliveryMove(MoveRule<DeliveryStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<DeliveryStatus> rule() {
        return rule;
    }

    void requireFrom(DeliveryStatus status) {
        requireFrom(status, "delivery");
    }
}
