package io.flightdeck.shared.webhooks;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a signed timestamp may be from now, either way. A captured delivery replayed later is refused; a sender
 * whose clock runs a little ahead is not.
 */
public record ReplayWindow(Duration tolerance, Clock clock) {

    /** The window the Standard Webhooks spec and Slack recommend. */
    public static final Duration DEFAULT = Duration.ofMinutes(5);

    public static ReplayWindow of(Clock clock) {
        return new ReplayWindow(DEFAULT, clock);
    }

    /** The timestamp in Unix seconds, when it is within the window; otherwise the delivery is refused. */
    long check(String header, String value) {
        long seconds;
        Instant signedAt;
        try {
            seconds = Long.parseLong(value.strip());
            signedAt = Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException | DateTimeException e) {
            throw new WebhookRejectedException(header + " is not a Unix time");
        }
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookRejectedException("The delivery's timestamp is " + age.toSeconds() + " s from now; more than "
                    + tolerance.toSeconds() + " s is refused");
        }
        return seconds;
    }
}
