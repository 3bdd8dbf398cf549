package io.flightdeck.email.providers;

import java.time.Duration;
import java.util.Optional;

import io.flightdeck.shared.outbound.OutboundException;

/**
 * A call to an email provider that brought back no answer about its messages, in the three ways a sender acts on:
 * <ul>
 * <li>permanent: the provider refused the call itself (a wrong API key, a sender not allowed, a request it cannot
 * read); every message of the call is unsent and the same call will fail again until a person fixes the cause;</li>
 * <li>retryable: the provider asked to slow down (429) or failed (5xx), or could not be reached; nothing was sent, and
 * the call may be made again, after {@link #retryAfter()} when the provider said how long;</li>
 * <li>{@link #mayHaveSent()}: the call left but its answer was lost or unreadable (a timeout, a broken connection, a
 * success in a shape that could not be read); the messages may be on their way, so a sender marks them in doubt
 * rather than sending them again.</li>
 * </ul>
 * The message names the provider, the status and the provider's own words, never a key or an address.
 */
public final class EmailProviderException extends RuntimeException {

    private final String provider;
    private final int status;
    private final boolean permanent;
    private final boolean mayHaveSent;
    private final Duration retryAfter;

    EmailProviderException(String provider, String message, int status, boolean permanent, boolean mayHaveSent,
            Duration retryAfter, Throwable cause) {
        super(provider + ": " + message + (status == 0 ? "" : " (HTTP " + status + ")"), cause);
        this.provider = provider;
        this.status = status;
        this.permanent = permanent;
        this.mayHaveSent = mayHaveSent;
        this.retryAfter = retryAfter;
    }

    /**
     * A failure the outbound-call kit reported, in these terms. {@code words} says what the provider refused, for the
     * statuses a provider documents (401, 403); otherwise what happened and the provider's own text are used.
     * {@code wait} stands in for a missing {@code Retry-After} (SendGrid says when its limit resets instead).
     */
    static EmailProviderException of(String provider, OutboundException e, String words, Duration wait) {
        String text = words != null ? words : what(e) + e.serviceText().map(t -> ": " + t).orElse("");
        Duration retryAfter = e.retryAfter().orElse(wait);
        return switch (e.kind()) {
            case CLIENT_ERROR -> new EmailProviderException(provider, text, e.status(), true, false, null, e);
            case RATE_LIMITED, SERVER_ERROR, UNREACHABLE -> new EmailProviderException(provider, text, e.status(),
                    false, false, retryAfter, e);
            case TIMEOUT, UNANSWERED, MALFORMED_ANSWER -> new EmailProviderException(provider, text
                    + "; the messages may have been sent", e.status(), false, true, null, e);
        };
    }

    private static String what(OutboundException e) {
        return switch (e.kind()) {
            case CLIENT_ERROR -> "the call was refused";
            case RATE_LIMITED -> "asked to slow down";
            case SERVER_ERROR -> "failed on its side";
            case UNREACHABLE -> "could not be reached";
            case TIMEOUT -> "did not answer in time";
            case UNANSWERED -> "broke off its answer";
            case MALFORMED_ANSWER -> "answered in a shape that could not be read";
        };
    }

    /** The provider, as people know it: Mailjet, SendGrid. */
    public String provider() {
        return provider;
    }

    /** The HTTP status the provider answered with, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Whether the same call will fail again: stop, and tell a person. */
    public boolean permanent() {
        return permanent;
    }

    /** Whether the messages may have been sent although no usable answer came back: mark them in doubt. */
    public boolean mayHaveSent() {
        return mayHaveSent;
    }

    /** How long the provider asked to wait before the next call, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
