package io.flightdeck.assets.domain;

import java.util.UUID;

import io.flightdeck.assets.AssetType;

/**
 * An asset in a campaign space as an import row can name it: by its id, its platform's id or its name, with the use
 * (the asset's place in the space) that performance rows belong to.
 */
public record ImportTarget(UUID assetId, UUID useId, String externalAssetId, String name, AssetType type,
        boolean archived) {
}
