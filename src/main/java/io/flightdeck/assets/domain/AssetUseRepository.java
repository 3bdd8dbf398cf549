package io.flightdeck.assets.domain;

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
}
