package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.Money;

/** A campaign space as the API answers it. */
public record CampaignSpaceView(UUID id, UUID campaignId, String name, String description, AdPlatform platform,
        String externalCampaignId, String objective, String audience, Money budget, ImportSource importSource,
        Instant importedAt, Set<String> tags, String category, boolean template, boolean active, boolean archived,
        Instant archivedAt, SpacePerformance performance, Instant performanceSyncedAt, int assetCount,
        long totalAssetSizeBytes, Instant createdAt, Instant updatedAt, long version) {
}
