package io.flightdeck.notifications.slack;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecisions.Decision;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A decision taken with a button in Slack, recorded before Slack is answered and decided afterwards by a job: one per
 * approval, round and Slack user (a unique key), so a double click or a retried delivery decides once. QUEUED until
 * the job has decided (DONE) or refused it (REFUSED, with the reason the person was shown); a refused one may be
 * clicked again (after linking, say). The response address is a credential, stored encrypted.
 */
@Entity
@Table(name = "slack_actions")
class SlackAction extends TenantOwnedEntity {

    enum Status { QUEUED, DONE, REFUSED }

    @Column(name = "approval_id", nullable = false, updatable = false)
    private UUID approvalId;
    @Column(nullable = false, updatable = false)
    private String round;
    @Column(name = "team_id", nullable = false, updatable = false)
    private String teamId;
    @Column(name = "slack_user_id", nullable = false, updatable = false)
    private String slackUserId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision decision;
    private String text;
    private String channel;
    @Column(name = "message_ts")
    private String messageTs;
    @Column(name = "response_url")
    private String responseUrl;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String outcome;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "done_at")
    private Instant doneAt;
    @Version
    private long version;

    protected SlackAction() {
    }

    SlackAction(SlackClick click, String encryptedResponseUrl, Instant now) {
        this.approvalId = click.approvalId();
        this.round = click.round();
        this.teamId = click.teamId();
        this.slackUserId = click.userId();
        again(click, encryptedResponseUrl, now);
    }

    /** A click on a refused one: queued again with what this click says. */
    void again(SlackClick click, String encryptedResponseUrl, Instant now) {
        decision = click.decision();
        text = click.text();
        channel = click.channel();
        messageTs = click.messageTs();
        responseUrl = encryptedResponseUrl;
        status = Status.QUEUED;
        outcome = null;
        createdAt = now;
        doneAt = null;
    }

    void settle(Status to, String why, Instant now) {
        status = to;
        outcome = Text.cut(why, 500);
        doneAt = now;
    }

    UUID approvalId() { return approvalId; }
    String round() { return round; }
    String teamId() { return teamId; }
    String slackUserId() { return slackUserId; }
    Decision decision() { return decision; }
    String text() { return text; }
    String channel() { return channel; }
    String messageTs() { return messageTs; }
    String responseUrl() { return responseUrl; }
    Status status() { return status; }
}
