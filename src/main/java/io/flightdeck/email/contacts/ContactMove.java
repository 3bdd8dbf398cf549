package io.flightdeck.email.contacts;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

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
enum ContactMove implements RuledMove<ContactStatus> {
    RESEND(MoveRule.said("send the confirmation again to", PENDING)),
    RESUBSCRIBE(MoveRule.said("subscribe again", UNSUBSCRIBED, BOUNCED, COMPLAINED, PENDING)),
    CONFIRM(MoveRule.system("confirm the subscription of", PENDING));

    private final MoveRule<ContactStatus> rule;

    ContactMove(MoveRule<ContactStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<ContactStatus> rule() {
        return rule;
    }

    void requireFrom(ContactStatus status) {
        requireFrom(status, "contact");
    }
}
