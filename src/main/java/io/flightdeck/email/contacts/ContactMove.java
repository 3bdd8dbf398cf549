package io.flightdeck.email.contacts;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.email.contacts.ContactStatus.BOUNCED;
import static io.flightdeck.email.contacts.ContactStatus.COMPLAINED;
import static io.flightdeck.email.contacts.ContactStatus.PENDING;
import static io.flightdeck.email.contacts.ContactStatus.UNSUBSCRIBED;

/**
 * The moves of a contact's consent that people ask for by name: a pending contact's confirmation sent again, and a
 * subscription again on fresh consent. Suppression is not among them: any status may be suppressed, and a complaint
 * stays a complaint (see {@link Contact#suppress}). Confirming is the person's own click on the link, made only by a
 * pending contact.
 */
enum ContactMove implements StateMove<ContactStatus> {
    RESEND(EnumSet.of(PENDING), "send the confirmation again to", true),
    RESUBSCRIBE(EnumSet.of(UNSUBSCRIBED, BOUNCED, COMPLAINED, PENDING), "subscribe again", true),
    CONFIRM(EnumSet.of(PENDING), "confirm the subscription of", false);

    private final Set<ContactStatus> from;
    private final String words;
    private final boolean offered;

    ContactMove(Set<ContactStatus> from, String words, boolean offered) {
        this.from = from;
        this.words = words;
        this.offered = offered;
    }

    @Override
    public boolean allowedFrom(ContactStatus status) {
        return from.contains(status);
    }

    @Override
    public boolean offered() {
        return offered;
    }

    @Override
    public String inWords() {
        return words;
    }

    void requireFrom(ContactStatus status) {
        requireFrom(status, "contact");
    }
}
