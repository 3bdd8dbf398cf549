package io.flightdeck.email.contacts;

/**
 * Whether a contact may be sent campaign mail. Anything but SUBSCRIBED suppresses them at once, in every send of the
 * workspace; it never touches mail that is not a campaign (an invitation, a notification).
 */
public enum ContactStatus {
    SUBSCRIBED, UNSUBSCRIBED, BOUNCED, COMPLAINED;

    public boolean mailable() {
        return this == SUBSCRIBED;
    }
}
