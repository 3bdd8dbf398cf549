package io.flightdeck.identity.domain;

import java.time.Duration;

/** A sign-in that did not succeed: wrong email or password, or too many recent failures. */
public class SignInRefusedException extends RuntimeException {

    private final Duration retryAfter;

    private SignInRefusedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    static SignInRefusedException invalidCredentials() {
        return new SignInRefusedException("The email or password is not correct", null);
    }

    static SignInRefusedException throttled(String what, Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return new SignInRefusedException("Too many failed sign-ins " + what + ". Try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes."), retryAfter);
    }

    /** Null for wrong credentials; how long to wait when throttled. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean isThrottled() {
        return retryAfter != null;
    }
}
