package io.flightdeck.guidance.strategy;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One strategy version guidance generated, with the evidence it was given; written once, never changed. */
@Entity
@Table(name = "guidance_strategy_generations")
class StrategyGenerationEntry extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(name = "strategy_version", nullable = false, updatable = false)
    private int strategyVersion;
    @Column(nullable = false, updatable = false)
    private String provider;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private StrategyEvidence evidence;
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StrategyGenerationEntry() {
    }

    StrategyGenerationEntry(UUID campaignId, int strategyVersion, String provider, StrategyEvidence evidence,
            UUID createdBy, Instant createdAt) {
        this.campaignId = campaignId;
        this.strategyVersion = strategyVersion;
        this.provider = provider;
        this.evidence = evidence;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID campaignId() {
        return campaignId;
    }

    int strategyVersion() {
        return strategyVersion;
    }

    String provider() {
        return provider;
    }

    StrategyEvidence evidence() {
        return evidence;
    }

    Instant createdAt() {
        return createdAt;
    }
}
