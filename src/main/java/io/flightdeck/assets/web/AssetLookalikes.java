package io.flightdeck.assets.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.domain.NearDuplicates;
import io.flightdeck.assets.domain.SimilarAsset;
import org.springframework.stereotype.Component;

/**
 * What the asset page's "Looks similar" section shows ({@code assets/fragments/similar :: similar}): the live assets
 * whose perceptual hash is within the workspace's threshold of this one's, nearest first, not dismissed.
 */
@Component
class AssetLookalikes {

    private final NearDuplicates nearDuplicates;

    AssetLookalikes(NearDuplicates nearDuplicates) {
        this.nearDuplicates = nearDuplicates;
    }

    List<SimilarAsset> of(UUID assetId) {
        return nearDuplicates.similarTo(assetId);
    }
}
