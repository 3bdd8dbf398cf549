package io.flightdeck.assets.platforms;

/**
 * A platform refused or could not answer a report: the message says what the platform said (an expired token, a
 * rate limit) in words a member can act on, and is kept on the import.
 */
public class PlatformCallFailed extends RuntimeException {

    public PlatformCallFailed(String message) {
        super(message, null, false, false);
    }
}
