package io.flightdeck.email.contacts;

/** Where a contact's consent to campaign mail came from: the provenance a regulator or the person may ask for. */
public enum ConsentSource {
    /** A sign-up form, with the words it showed as the evidence. */
    FORM,
    /** A file someone imported, saying where its consent came from. */
    IMPORT,
    /** A system that called the API, saying how it got consent. */
    API,
    /** Entered by a member, with their note of how the person agreed. */
    MANUAL,
    /** The person confirmed by the link sent to their address (double opt-in). */
    DOUBLE_OPT_IN
}
