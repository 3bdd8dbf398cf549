package io.flightdeck.email.abtest;

/** What to do with the rest of the list when the test names no winner. */
public enum InconclusiveRule {

    /** Send the first variant (the control) to the rest, as HubSpot and most email tools offer. */
    SEND_VARIANT_A,
    /** Send nothing more until more results arrive or someone picks a variant. */
    WAIT
}
