package io.flightdeck.assets.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.domain.SimilarAsset;
import org.springframework.stereotype.Component;

/**
 * What the asset page's "Looks similar" section shows ({@code assets/fragments/similar :: similar}): the live assets
 * whose perceptual hash is within the workspace's threshold of this one's, nearest first. Empty until the
 * near-duplicate lookup lands; replace the body of {@link #of(UUID)} with it (the fragment already lists the answer's
 * names, distances and links).
 */
@Component
class AssetLookalikes {

    List<SimilarAsset> of(UUID assetId) {
        return List.of();
    }
}
