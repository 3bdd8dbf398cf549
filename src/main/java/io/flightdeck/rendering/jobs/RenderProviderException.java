package io.flightdeck.rendering.jobs;

import java.time.Duration;

/**
 * A provider call that did not work. {@code retryable} tells the runner whether to try again (an outage, a timeout,
 * a rate limit) or to fail the job at once (a refused prompt, a template whose text cannot fit).
 */
public class RenderProviderException extends RuntimeException {

    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    public RenderProviderException(String code, String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public RenderProviderException(String code, String message, boolean retryable) {
        this(code, message, retryable, null, null);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the provider asked us to wait (a 429's Retry-After); null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
