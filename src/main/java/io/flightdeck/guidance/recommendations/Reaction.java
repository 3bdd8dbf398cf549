package io.flightdeck.guidance.recommendations;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person's reaction to one recommendation, remembered by the recommendation's {@link Recommendation.Key} with the
 * evidence's fingerprint at the time. It decides itself whether it still hides the recommendation
 * ({@link #hides}); it ends when a later reaction to the same recommendation replaces it, when it is undone, or at its
 * {@code until}.
 */
@Entity
@Table(name = "guidance_reactions")
class Reaction extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(name = "rule_id", nullable = false, updatable = false)
    private String ruleId;
    @Column(name = "rule_version", nullable = false, updatable = false)
    private int ruleVersion;
    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;
    @Column(name = "target_id", nullable = false, updatable = false)
    private String targetId;
    // what the recommendation said and what it was about, as the person saw them when reacting
    private String title;
    private String targetName;
    @Enumerated(EnumType.STRING)
    @Column(name = "reaction", nullable = false, updatable = false)
    private ReactionKind kind;
    @Column(updatable = false)
    private String reason;
    @Column(nullable = false, updatable = false)
    private String fingerprint;
    @Column(name = "until_at", nullable = false, updatable = false)
    private Instant until;
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(nullable = false)
    private boolean undone;
    @Version
    private long version;

    protected Reaction() {
    }

    Reaction(Recommendation recommendation, ReactionKind kind, String reason, Instant until, UUID by, Instant now) {
        this.campaignId = recommendation.campaignId();
        this.ruleId = recommendation.ruleId();
        this.ruleVersion = recommendation.ruleVersion();
        this.targetType = recommendation.target().type();
        this.targetId = recommendation.target().id();
        this.title = Text.cut(recommendation.what(), 300);
        this.targetName = Text.cut(recommendation.target().name(), 200);
        this.kind = kind;
        this.reason = reason;
        this.fingerprint = recommendation.fingerprint();
        this.until = until;
        this.createdBy = by;
        this.createdAt = now;
    }

    /** Neither replaced nor undone, and its time not up. */
    boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(until);
    }

    /**
     * Whether this reaction keeps {@code recommendation} out of sight now: a snooze until its date; a dismissal or an
     * acceptance while the evidence's fingerprint is the one it was made on, within its time box.
     */
    boolean hides(Recommendation recommendation, Instant now) {
        return activeAt(now) && key().equals(recommendation.key())
                && (kind == ReactionKind.SNOOZED || fingerprint.equals(recommendation.fingerprint()));
    }

    /** A later reaction to the same recommendation takes over. */
    void replace(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    /** Takes the reaction back: the recommendation shows again, and the reaction no longer counts in the rates. */
    void undo(Instant now) {
        if (endedAt != null) {
            throw new ConflictException("reaction-ended", undone ? "This reaction was already undone."
                    : "A later reaction replaced this one; undo that one instead.");
        }
        endedAt = now;
        undone = true;
    }

    Recommendation.Key key() {
        return new Recommendation.Key(campaignId, ruleId, targetType, targetId);
    }

    ReactionMemory.ReactionView view() {
        return new ReactionMemory.ReactionView(getId(), campaignId, ruleId, ruleVersion, targetType, targetId, kind,
                reason, until, createdBy, createdAt, title != null ? title
                        : ruleId.replace('-', ' ') + " (" + (targetName != null ? targetName : targetType) + ")");
    }

    ReactionKind kind() {
        return kind;
    }

    Instant createdAt() {
        return createdAt;
    }
}
