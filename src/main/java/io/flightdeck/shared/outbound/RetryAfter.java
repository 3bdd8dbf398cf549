package io.flightdeck.shared.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * A service's {@code Retry-After} (RFC 9110, section 10.2.3) in either of its forms: delta-seconds, or an HTTP-date
 * (the IMF-fixdate and the two obsolete forms a recipient must still accept; Spring's date parsing reads all three).
 * A date in the past is no wait at all; a wait beyond {@link #MAX} is cut to it, so a broken or hostile header cannot
 * park work for weeks.
 */
public final class RetryAfter {

    /** The longest wait a service can impose: a day covers every documented daily limit. */
    public static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {
    }

    /** The wait the headers ask for, or empty when they carry no readable {@code Retry-After}. */
    public static Optional<Duration> from(HttpHeaders headers, Clock clock) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return seconds(value.strip()).or(() -> date(headers, clock)).map(RetryAfter::capped);
    }

    /**
     * Delta-seconds. RFC 9110 allows only whole seconds; a fraction (which some services send) is read rather than
     * ignored.
     */
    private static Optional<Duration> seconds(String value) {
        if (!value.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        double seconds = Double.parseDouble(value);
        return Optional.of(seconds >= MAX.toSeconds() ? MAX : Duration.ofMillis(Math.round(seconds * 1000)));
    }

    private static Optional<Duration> date(HttpHeaders headers, Clock clock) {
        try {
            ZonedDateTime at = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
            return at == null ? Optional.empty() : Optional.of(Duration.between(clock.instant(), at.toInstant()));
        } catch (IllegalArgumentException notADate) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
