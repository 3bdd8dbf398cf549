package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.UUID;

/** One entry of an asset's use history: where ({@code ORIGIN} or {@code REUSE}), when, by whom, and how it performed there. */
public record AssetUseView(UUID id, UUID assetId, UUID campaignId, UUID spaceId, String kind, String context,
        UUID usedBy, Instant usedAt, AssetPerformance performance, Instant performanceSyncedAt) {
}
