package io.flightdeck.campaigns;

import java.util.Optional;
import java.util.UUID;

/** Read access to campaigns of the current workspace for other modules. */
public interface CampaignDirectory {

    Optional<CampaignSnapshot> find(UUID campaignId);
}
