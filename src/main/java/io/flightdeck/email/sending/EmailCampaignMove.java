package io.flightdeck.email.sending;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.email.sending.EmailCampaignStatus.CANCELLED;
import static io.flightdeck.email.sending.EmailCampaignStatus.DRAFT;
import static io.flightdeck.email.sending.EmailCampaignStatus.PAUSED;
import static io.flightdeck.email.sending.EmailCampaignStatus.SCHEDULED;
import static io.flightdeck.email.sending.EmailCampaignStatus.SENDING;
import static io.flightdeck.email.sending.EmailCampaignStatus.SENT;

/**
 * An email campaign's state machine: every move and the statuses it may start from, named as a client asks for it
 * (the endpoint's last segment; {@code edit} for a {@code PATCH}, {@code delete} for a {@code DELETE}). Its content
 * and audience change only before anything was sent; the runner alone finishes a send, and only a running one.
 */
enum EmailCampaignMove implements RuledMove<EmailCampaignStatus> {
    EDIT(MoveRule.of(DRAFT, SCHEDULED)),
    REQUEST_APPROVAL(MoveRule.said("request approval of", DRAFT, SCHEDULED)),
    SCHEDULE(MoveRule.of(DRAFT, SCHEDULED)),
    UNSCHEDULE(MoveRule.of(SCHEDULED)),
    SEND(MoveRule.of(DRAFT, SCHEDULED)),
    PAUSE(MoveRule.of(SENDING)),
    RESUME(MoveRule.of(PAUSED, SENT)),
    SEND_TO_REST(MoveRule.said("send the rest of", SENDING, PAUSED, SENT)),
    SEND_TO_UNCONFIRMED(MoveRule.said("send again to the unconfirmed of", SENDING, PAUSED, SENT)),
    CANCEL(MoveRule.of(DRAFT, SCHEDULED, SENDING, PAUSED)),
    DELETE(MoveRule.of(DRAFT, SENT, CANCELLED)),
    // the runner's: a send ends when nothing is left queued, and a person's pause or cancel ends it otherwise
    FINISH(MoveRule.system("finish", SENDING));

    private final MoveRule<EmailCampaignStatus> rule;

    EmailCampaignMove(MoveRule<EmailCampaignStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<EmailCampaignStatus> rule() {
        return rule;
    }

    void requireFrom(EmailCampaignStatus status) {
        requireFrom(status, "email");
    }
}
