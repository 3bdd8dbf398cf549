package io.flightdeck.campaigns;

import io.flightdeck.campaigns.domain.CampaignTransition;

/** Where a campaign is in its life. The legal moves are in {@link CampaignTransition}. */
public enum CampaignStatus {
    DRAFT, PLANNING, READY, ACTIVE, PAUSED, COMPLETED, ARCHIVED, CANCELLED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
