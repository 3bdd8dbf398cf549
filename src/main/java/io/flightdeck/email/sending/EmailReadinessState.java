package io.flightdeck.email.sending;

/** Where one item of an email's readiness stands. */
enum EmailReadinessState {
    /** Holds: nothing to do. */
    DONE,
    /** Holds the send back until it is fixed. */
    BLOCKED,
    /** Holds nothing back, but says something the sender should know (one-click unsubscribe being off). */
    NOTE,
    /** Does not apply here (DNS records while mail goes only to the outbox). */
    NOT_NEEDED
}
