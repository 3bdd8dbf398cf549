package io.flightdeck.content;

/**
 * No usable text came from the generator: out of budget, refused, timed out, or answered in a shape that could not be
 * read. What other modules catch when they ask content to write (a strategy draft); the message is meant for the
 * person who asked, and nothing was saved.
 */
public abstract class ContentGenerationException extends RuntimeException {

    protected ContentGenerationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short stable code: {@code budget-exhausted}, {@code provider-unavailable}, {@code malformed-answer}, ... */
    public abstract String reason();
}
