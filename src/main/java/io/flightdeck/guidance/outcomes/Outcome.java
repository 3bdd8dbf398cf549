package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.objectives.ObjectiveMetric;
import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.guidance.prediction.PastCampaign;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * How a finished campaign ended: its features at the end, its objective, the figure it achieved through its last day
 * and whether that met the target. Scored again while it is not settled, since analytics' numbers may arrive late;
 * once scored, it is part of the history later predictions learn from.
 */
@Entity
@Table(name = "guidance_outcomes")
class Outcome extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(name = "ended_on", nullable = false)
    private LocalDate endedOn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private CampaignFeatures features;
    @Enumerated(EnumType.STRING)
    private ObjectiveMetric metric;
    private BigDecimal target;
    private String currency;
    private BigDecimal achieved;
    private Boolean met;
    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;
    @Column(name = "scored_at")
    private Instant scoredAt;
    @Column(nullable = false)
    private boolean settled;
    @Version
    private long version;

    protected Outcome() {
    }

    Outcome(UUID campaignId, Instant completedAt) {
        this.campaignId = campaignId;
        this.completedAt = completedAt;
    }

    /** Records what is known now; {@code settled} once late numbers can no longer change it. */
    void record(LocalDate endedOn, CampaignFeatures features, CampaignObjective.Target objective, BigDecimal achieved,
            Instant now, boolean settled) {
        this.endedOn = endedOn;
        this.features = features;
        this.metric = objective == null ? null : objective.metric();
        this.target = objective == null ? null : objective.value();
        this.currency = objective == null ? null : objective.currency();
        this.achieved = objective == null ? null : achieved;
        this.met = objective == null || achieved == null ? null : objective.metBy(achieved);
        this.scoredAt = met == null ? null : now;
        this.settled = settled;
    }

    /** As the predictions learn from it; only a scored outcome is part of the history. */
    PastCampaign past() {
        return new PastCampaign(features, met, Math.max(0, achieved.doubleValue()));
    }

    boolean scored() {
        return met != null;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    CampaignFeatures getFeatures() {
        return features;
    }

    ObjectiveMetric getMetric() {
        return metric;
    }

    String getCurrency() {
        return currency;
    }

    BigDecimal getAchieved() {
        return achieved;
    }

    Boolean getMet() {
        return met;
    }

    LocalDate getEndedOn() {
        return endedOn;
    }
}
