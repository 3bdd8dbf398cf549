package io.flightdeck.publishing.channels;

import java.time.Duration;

/**
 * A network call that did not work, classed by the adapter: whether trying again could help.
 */
public class ChannelException extends RuntimeException {

    public enum Kind {
        /** an outage or a 5xx: try again after a pause */
        RETRYABLE,
        /** the network asked us to slow down; {@link #retryAfter()} says how long when it did */
        RATE_LIMITED,
        /** the content was refused (too long, a duplicate, against a policy): a person must change it */
        REFUSED,
        /** the token is revoked or expired and cannot be refreshed: the account must be connected again */
        UNAUTHORIZED,
        /** the call may or may not have reached the network (a timeout): ask it before anything else */
        UNKNOWN_OUTCOME
    }

    private final String code;
    private final Kind kind;
    private final Duration retryAfter;

    public ChannelException(Kind kind, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ChannelException(Kind kind, String code, String message) {
        this(kind, code, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** How long the network asked us to wait (a 429's Retry-After or reset header); null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE || kind == Kind.RATE_LIMITED;
    }
}
