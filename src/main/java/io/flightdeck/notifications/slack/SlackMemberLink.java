package io.flightdeck.notifications.slack;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member and their Slack user. Proposed when Slack finds a user with the member's email (Slack answers only for an
 * email its user verified), and in force only once the member confirms it is them: never matched by display name,
 * and nobody links someone else.
 */
@Entity
@Table(name = "slack_member_links")
class SlackMemberLink extends TenantOwnedEntity {

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;
    @Column(name = "team_id", nullable = false)
    private String teamId;
    @Column(name = "slack_user_id", nullable = false)
    private String slackUserId;
    @Column(name = "slack_name")
    private String slackName;
    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Version
    private long version;

    protected SlackMemberLink() {
    }

    SlackMemberLink(UUID memberId, Instant now) {
        this.memberId = memberId;
        this.proposedAt = now;
    }

    /** Slack found this user for the member's email: proposed again, unconfirmed until the member says so. */
    void propose(String team, String userId, String name, Instant now) {
        teamId = team;
        slackUserId = userId;
        slackName = name;
        proposedAt = now;
        confirmedAt = null;
    }

    void confirm(Instant now) {
        confirmedAt = now;
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    UUID memberId() {
        return memberId;
    }

    String teamId() {
        return teamId;
    }

    String slackUserId() {
        return slackUserId;
    }

    String slackName() {
        return slackName;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }
}
