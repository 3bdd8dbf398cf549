package io.flightdeck.email.sending;

/**
 * Where an email campaign stands. It is SENT only when no recipient is left queued: every row is sent, failed or
 * skipped, so a send that was paused, cut off by a crash or out of attempts never says it finished.
 */
public enum EmailCampaignStatus {
    DRAFT("Draft"),
    SCHEDULED("Scheduled"),
    SENDING("Sending"),
    PAUSED("Paused"),
    SENT("Sent"),
    CANCELLED("Cancelled");

    private final String label;

    EmailCampaignStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether its content and audience may still change: only before anything was sent. */
    public boolean editable() {
        return EmailCampaignMove.EDIT.allowedFrom(this);
    }
}
