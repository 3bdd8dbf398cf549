package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of a campaign's activity feed, written as a sentence for people ("Dana launched the campaign"). */
@Entity
@Table(name = "campaign_activity")
@NotAudited
class CampaignActivity extends TenantOwnedEntity {

    private UUID campaignId;
    private UUID actorId;
    private String actorName;
    private String verb;
    private String summary;
    private Instant occurredAt;

    protected CampaignActivity() {
    }

    CampaignActivity(UUID campaignId, UUID actorId, String actorName, String verb, String summary, Instant occurredAt) {
        this.campaignId = campaignId;
        this.actorId = actorId;
        this.actorName = actorName;
        this.verb = verb;
        this.summary = summary;
        this.occurredAt = occurredAt;
    }

    ActivityView view() {
        return new ActivityView(getId(), actorId, actorName, verb, actorName + " " + summary, occurredAt);
    }
}
