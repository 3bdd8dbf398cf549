package io.flightdeck.content.generation;

/**
 * A provider gave no usable text: out of budget, refused, timed out, or answered in a shape we could not read. The
 * message is meant for the person who asked, and nothing was saved.
 */
public class GenerationFailedException extends RuntimeException {

    private final String reason;

    /** @param reason a short stable code: {@code budget-exhausted}, {@code provider-unavailable}, {@code timeout}, ... */
    public GenerationFailedException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public GenerationFailedException(String reason, String message) {
        this(reason, message, null);
    }

    /** A short stable code: {@code budget-exhausted}, {@code provider-unavailable}, {@code malformed-answer}, ... */
    public String reason() {
        return reason;
    }
}
