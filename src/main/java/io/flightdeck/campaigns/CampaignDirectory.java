package io.flightdeck.campaigns;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to campaigns of the current workspace for other modules. */
public interface CampaignDirectory {

    Optional<CampaignSnapshot> find(UUID campaignId);

    /** Up to {@code limit} live campaigns in the given status, oldest first (for demo data and housekeeping). */
    List<CampaignSnapshot> inStatus(CampaignStatus status, int limit);
}
