package io.flightdeck.assets.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CampaignSpaceRepository extends JpaRepository<CampaignSpace, UUID>, JpaSpecificationExecutor<CampaignSpace> {

    /** The space with its tags in one query (archived ones too: they can be read and restored). */
    @Query("select distinct s from CampaignSpace s left join fetch s.tags where s.id = :id")
    Optional<CampaignSpace> findWithTags(UUID id);

    /**
     * Moves a space's asset count and size by a delta in one statement on the row itself, so concurrent uploads and
     * deletes add up instead of overwriting each other (the entity never writes these columns).
     */
    @Modifying(flushAutomatically = true)
    @Query("update CampaignSpace s set s.assetCount = s.assetCount + :count, "
            + "s.totalAssetSizeBytes = s.totalAssetSizeBytes + :bytes where s.id = :id")
    int addToCounters(UUID id, int count, long bytes);

    /** Hides or shows every space of a campaign as the campaign goes to the trash or comes back. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CampaignSpace s set s.campaignInTrash = :inTrash where s.campaignId = :campaignId "
            + "and s.campaignInTrash <> :inTrash")
    int markCampaignInTrash(UUID campaignId, boolean inTrash);
}
