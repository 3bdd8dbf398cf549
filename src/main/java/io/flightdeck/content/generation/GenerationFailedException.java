package io.flightdeck.content.generation;

/**
 * A provider gave no usable text: out of budget, refused, timed out, or answered in a shape we could not read. The
 * message is meant for the person who asked.
 */
public class GenerationFailedException extends io.flightdeck.content.ContentGenerationException {

    private final String reason;

    /** @param reason a short stable code: {@code budget-exhausted}, {@code provider-unavailable}, {@code timeout}, ... */
    public GenerationFailedException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public GenerationFailedException(String reason, String message) {
        this(reason, message, null);
    }

    @Override
    public String reason() {
        return reason;
    }
}
