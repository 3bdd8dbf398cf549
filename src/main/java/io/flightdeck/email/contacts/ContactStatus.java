package io.flightdeck.email.contacts;

/**
 * Whether a contact may be sent campaign mail. Anything but SUBSCRIBED suppresses them at once, in every send of the
 * workspace; it never touches mail that is not a campaign (an invitation, a notification). PENDING is a contact added
 * while the workspace asks for double opt-in, who has not yet confirmed the link sent to them: a status of its own (not
 * SUBSCRIBED without consent) because every send and segment selects {@code status = 'SUBSCRIBED'} in SQL, so a pending
 * contact can never be mailed by a query that forgot to look at the consent.
 */
public enum ContactStatus {
    SUBSCRIBED, UNSUBSCRIBED, BOUNCED, COMPLAINED, PENDING;

    public boolean mailable() {
        return this == SUBSCRIBED;
    }

    /** Unsubscribed, bounced or complained: someone an import or a form never subscribes again by itself. */
    public boolean suppressed() {
        return this == UNSUBSCRIBED || this == BOUNCED || this == COMPLAINED;
    }
}
