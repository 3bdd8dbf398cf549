package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A member following a campaign: they hear what happens to it, as its owner does. */
@Entity
@Table(name = "campaign_follows")
class CampaignFollow extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CampaignFollow() {
    }

    CampaignFollow(UUID campaignId, UUID memberId, Instant now) {
        this.campaignId = campaignId;
        this.memberId = memberId;
        this.createdAt = now;
    }

    UUID memberId() {
        return memberId;
    }
}
