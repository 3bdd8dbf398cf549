package io.flightdeck.email.sending;

/** Where one item of an email's readiness stands. */
public enum EmailReadinessState {
    /** Holds: nothing to do. */
    DONE,
    /** Holds the send back until it is fixed. */
    BLOCKED,
    /** Does not apply here (DNS records while mail goes only to the outbox). */
    NOT_NEEDED
}
