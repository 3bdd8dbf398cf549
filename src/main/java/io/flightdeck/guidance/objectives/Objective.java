package io.flightdeck.guidance.objectives;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A campaign's measurable objective: one per campaign, replaced in place when set again. */
@Entity
@Table(name = "guidance_objectives")
class Objective extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ObjectiveMetric metric;
    @Column(nullable = false)
    private BigDecimal target;
    private String currency;
    @Column(name = "set_by", nullable = false)
    private UUID setBy;
    @Column(name = "set_at", nullable = false)
    private Instant setAt;
    @Version
    private long version;

    protected Objective() {
    }

    Objective(UUID campaignId) {
        this.campaignId = campaignId;
    }

    void set(CampaignObjective.Target target, UUID by, Instant at) {
        this.metric = target.metric();
        this.target = target.value();
        this.currency = target.currency();
        this.setBy = by;
        this.setAt = at;
    }

    CampaignObjective view() {
        return new CampaignObjective(campaignId, new CampaignObjective.Target(metric, target, currency), setBy, setAt);
    }

    UUID getCampaignId() {
        return campaignId;
    }
}
