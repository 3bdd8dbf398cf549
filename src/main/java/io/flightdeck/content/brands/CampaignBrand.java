package io.flightdeck.content.brands;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The brand a campaign writes in. Content keeps the choice so that campaigns need not know brands exist. */
@Entity
@Table(name = "campaign_brands")
class CampaignBrand extends TenantOwnedEntity {

    private UUID campaignId;
    private UUID brandId;
    private UUID chosenBy;
    private Instant chosenAt;
    @Version
    private Long version;

    protected CampaignBrand() {
    }

    CampaignBrand(UUID campaignId, UUID brandId, UUID actor, Instant now) {
        this.campaignId = campaignId;
        choose(brandId, actor, now);
    }

    void choose(UUID brand, UUID actor, Instant now) {
        this.brandId = brand;
        this.chosenBy = actor;
        this.chosenAt = now;
    }

    UUID getBrandId() {
        return brandId;
    }
}
