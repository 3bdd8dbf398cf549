package io.flightdeck.email.sending;

import java.time.Duration;
import java.time.Instant;

/**
 * A recipient refused for now (an SMTP 4xx, a provider's 429 or 5xx): back in the queue after a pause that doubles
 * with each attempt (or as long as the server asked), until the attempts run out and it fails.
 */
final class Retries {

    private Retries() {
    }

    static Outcome later(SendLedger.Due row, String why, Duration asked, boolean handed, SendingProperties properties,
            Instant now) {
        int attempts = row.attempts() + 1;
        if (attempts >= properties.attempts()) {
            return Outcome.failed(row.id(), why + " (" + attempts + " attempts)", false, handed);
        }
        Duration pause = asked != null ? asked
                : properties.retryPause().multipliedBy(1L << Math.min(attempts - 1, 6));
        return Outcome.retry(row.id(), why, now.plus(pause), handed);
    }
}
