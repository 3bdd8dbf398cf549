package io.flightdeck.campaigns;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to campaigns of the current workspace for other modules. */
public interface CampaignDirectory {

    Optional<CampaignSnapshot> find(UUID campaignId);

    /** The live campaigns among the given ids, in one query (for lists that show or check several). */
    Map<UUID, CampaignSnapshot> findAll(Collection<UUID> campaignIds);

    /**
     * The names and statuses of the live campaigns among the given ids, in one query that loads no entity: for lists of
     * thousands of campaigns (the all-campaigns summary), where whole snapshots cost more than the numbers.
     */
    Map<UUID, CampaignLabel> labels(Collection<UUID> campaignIds);

    /** Up to {@code limit} live campaigns in the given status, oldest first (for demo data and housekeeping). */
    List<CampaignSnapshot> inStatus(CampaignStatus status, int limit);

    /** Up to {@code limit} live campaigns in any of the given statuses, by name, in one query (for pickers). */
    List<CampaignSnapshot> inStatuses(Collection<CampaignStatus> statuses, int limit);

    /**
     * Up to {@code limit} live campaigns the member owns in any of the given statuses, soonest start first (undated
     * last): the campaigns whose blockers are the member's to clear.
     */
    List<CampaignSnapshot> ownedBy(UUID ownerId, Collection<CampaignStatus> statuses, int limit);
}
