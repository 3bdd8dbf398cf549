package io.flightdeck.assets.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssetUseRepository extends JpaRepository<AssetUse, UUID> {

    Page<AssetUse> findByAssetId(UUID assetId, Pageable pageable);

    List<AssetUse> findByAssetId(UUID assetId);

    /** The assets in a space, first placed first. */
    List<AssetUse> findBySpaceIdOrderByUsedAtAscIdAsc(UUID spaceId);

    boolean existsByAssetIdAndCampaignIdAndSpaceId(UUID assetId, UUID campaignId, UUID spaceId);

    boolean existsByAssetIdAndCampaignIdAndSpaceIdIsNull(UUID assetId, UUID campaignId);

    List<AssetUse> findBySpaceIdAndAssetIdIn(UUID spaceId, Collection<UUID> assetIds);

    List<AssetUse> findByCampaignIdAndSpaceIdIsNullAndAssetIdIn(UUID campaignId, Collection<UUID> assetIds);

    /** Which of these assets the placement already shows, in one query. */
    default List<UUID> placedIn(AssetPlacement placement, Collection<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        return (placement.spaceId() != null ? findBySpaceIdAndAssetIdIn(placement.spaceId(), assetIds)
                : findByCampaignIdAndSpaceIdIsNullAndAssetIdIn(placement.campaignId(), assetIds)).stream()
                .map(AssetUse::getAssetId).toList();
    }
}
