package io.flightdeck.email.sending;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

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
enum EmailCampaignMove implements StateMove<EmailCampaignStatus> {
    EDIT(EnumSet.of(DRAFT, SCHEDULED)),
    REQUEST_APPROVAL(EnumSet.of(DRAFT, SCHEDULED)),
    SCHEDULE(EnumSet.of(DRAFT, SCHEDULED)),
    UNSCHEDULE(EnumSet.of(SCHEDULED)),
    SEND(EnumSet.of(DRAFT, SCHEDULED)),
    PAUSE(EnumSet.of(SENDING)),
    RESUME(EnumSet.of(PAUSED, SENT)),
    SEND_TO_REST(EnumSet.of(SENDING, PAUSED, SENT)),
    SEND_TO_UNCONFIRMED(EnumSet.of(SENDING, PAUSED, SENT)),
    CANCEL(EnumSet.of(DRAFT, SCHEDULED, SENDING, PAUSED)),
    DELETE(EnumSet.of(DRAFT, SENT, CANCELLED)),
    // the runner's: a send ends when nothing is left queued, and a person's pause or cancel ends it otherwise
    FINISH(EnumSet.of(SENDING), "finish");

    private final Set<EmailCampaignStatus> from;
    /** The runner's move says what it is in a sentence; people's are named by their endpoint. */
    private final String runnerWords;

    EmailCampaignMove(Set<EmailCampaignStatus> from) {
        this(from, null);
    }

    EmailCampaignMove(Set<EmailCampaignStatus> from, String runnerWords) {
        this.from = from;
        this.runnerWords = runnerWords;
    }

    @Override
    public boolean allowedFrom(EmailCampaignStatus status) {
        return from.contains(status);
    }

    @Override
    public boolean offered() {
        return runnerWords == null;
    }

    @Override
    public String inWords() {
        return switch (this) {
            case REQUEST_APPROVAL -> "request approval of";
            case SEND_TO_REST -> "send the rest of";
            case SEND_TO_UNCONFIRMED -> "send again to the unconfirmed of";
            default -> runnerWords != null ? runnerWords : StateMove.super.inWords();
        };
    }

    void requireFrom(EmailCampaignStatus status) {
        requireFrom(status, "email");
    }
}
