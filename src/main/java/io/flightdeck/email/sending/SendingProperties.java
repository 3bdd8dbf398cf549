package io.flightdeck.email.sending;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast campaign mail leaves this node ({@code flightdeck.email.sending.*}).
 *
 * @param concurrency   messages in flight at once (one SMTP connection each)
 * @param ratePerSecond at most this many messages a second; 0 for no limit
 * @param ratePerHour   at most this many an hour (a provider's or a relay's quota); 0 for no limit
 * @param batch         rows read and recorded together
 * @param attempts      attempts per recipient before a temporary refusal becomes a failure
 * @param retryPause    the wait before a temporarily refused recipient is tried again (doubling each time)
 * @param inFlightLimit the longest a message can be on its way to the server (beyond the SMTP timeouts and a
 *                      provider call); only rows handed over longer ago may be sent again on request
 * @param holdAt        a crash test's boundary (before-hand-over, after-hand-over, before-provider-call,
 *                      after-provider-call); empty in production
 * @param holdAfter     the boundary holds only after this many messages went from this node
 */
@ConfigurationProperties("flightdeck.email.sending")
record SendingProperties(Integer concurrency, Integer ratePerSecond, Integer ratePerHour, Integer batch,
        Integer attempts, Duration retryPause, Duration inFlightLimit, String holdAt, Integer holdAfter) {

    SendingProperties {
        concurrency = positive("concurrency", concurrency, 4);
        ratePerSecond = atLeastZero("rate-per-second", ratePerSecond, 100);
        ratePerHour = atLeastZero("rate-per-hour", ratePerHour, 0);
        batch = positive("batch", batch, 1000);
        attempts = positive("attempts", attempts, 5);
        retryPause = retryPause == null ? Duration.ofMinutes(5) : retryPause;
        inFlightLimit = inFlightLimit == null ? Duration.ofMinutes(10) : inFlightLimit;
        holdAt = holdAt == null ? "" : holdAt;
        holdAfter = holdAfter == null ? 0 : holdAfter;
    }

    private static int positive(String name, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 1) {
            throw new IllegalArgumentException("flightdeck.email.sending." + name + " must be at least 1, not " + v);
        }
        return v;
    }

    private static int atLeastZero(String name, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 0) {
            throw new IllegalArgumentException("flightdeck.email.sending." + name + " must be 0 (no limit) or more, not " + v);
        }
        return v;
    }
}
