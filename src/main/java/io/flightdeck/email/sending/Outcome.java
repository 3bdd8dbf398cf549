package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of one message of a batch.
 *
 * @param handedOver whether its hand-over was committed (its attempt is already counted)
 * @param nextAttemptAt for a row put back in the queue, when it is next due
 * @param providerId the provider's id for the message it accepted (Mailjet's MessageID, SendGrid's X-Message-Id)
 */
record Outcome(UUID id, RecipientState state, String error, boolean permanent, Instant nextAttemptAt,
        boolean handedOver, String providerId) {

    Outcome(UUID id, RecipientState state, String error, boolean permanent, Instant nextAttemptAt,
            boolean handedOver) {
        this(id, state, error, permanent, nextAttemptAt, handedOver, null);
    }

    static Outcome sent(UUID id) {
        return new Outcome(id, RecipientState.SENT, null, false, null, true);
    }

    /** Taken by a provider, which named the message. */
    static Outcome accepted(UUID id, String providerId) {
        return new Outcome(id, RecipientState.SENT, null, false, null, true, providerId);
    }

    static Outcome skipped(UUID id, String why) {
        return new Outcome(id, RecipientState.SKIPPED, why, true, null, false);
    }

    static Outcome failed(UUID id, String why, boolean permanent, boolean handedOver) {
        return new Outcome(id, RecipientState.FAILED, why, permanent, null, handedOver);
    }

    static Outcome retry(UUID id, String why, Instant at, boolean handedOver) {
        return new Outcome(id, RecipientState.QUEUED, why, false, at, handedOver);
    }

    /** No answer after the end of the message: the server may have it, so it is not sent again. */
    static Outcome unconfirmed(UUID id, String why) {
        return new Outcome(id, RecipientState.HANDED_OVER, why, false, null, true);
    }
}
