package io.flightdeck.assets.domain;

import java.util.Map;
import java.util.Set;

import io.flightdeck.assets.AssetType;

/** What a person sets on an asset: the same on creation and update (a replacement, as PUT says). */
public record AssetDetails(String name, AssetType type, String externalAssetId, String title, String description,
        String adCopy, String headline, String ctaText, Set<String> tags, Map<String, Object> platformMetadata,
        Map<String, Object> platformVariants, AssetRights rights) {
}
