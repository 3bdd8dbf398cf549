package io.flightdeck.email.sending;

import java.time.Duration;
import java.time.Instant;

import io.flightdeck.shared.outbound.RetrySchedule;

/**
 * A recipient refused for now (an SMTP 4xx, a provider's 429 or 5xx): back in the queue after a pause that doubles
 * with each attempt (or as long as the server asked), until the attempts run out and it fails.
 */
final class Retries {

    /** The pause stops doubling at 64 times the first: a send should not wait days on one recipient. */
    private static final int MAX_DOUBLINGS = 6;

    private Retries() {
    }

    static Outcome later(SendLedger.Due row, String why, Duration asked, boolean handed, SendingProperties properties,
            Instant now) {
        int attempts = row.attempts() + 1;
        Instant next = RetrySchedule.doubling(properties.retryPause(), properties.attempts(), MAX_DOUBLINGS)
                .next(attempts, now);
        if (next == null) {
            return Outcome.failed(row.id(), why + " (" + attempts + " attempts)", false, handed);
        }
        return Outcome.retry(row.id(), why, asked != null ? now.plus(asked) : next, handed);
    }
}
