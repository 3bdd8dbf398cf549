package io.flightdeck.campaigns.domain;

import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Marks a happening another module already wrote to an activity feed, so a retried event writes it once. */
@Entity
@Table(name = "campaign_activity_keys")
@NotAudited
class CampaignJournalKey extends TenantOwnedEntity {

    private UUID campaignId;
    private String entryKey;

    protected CampaignJournalKey() {
    }

    CampaignJournalKey(UUID campaignId, String entryKey) {
        this.campaignId = campaignId;
        this.entryKey = entryKey;
    }
}
