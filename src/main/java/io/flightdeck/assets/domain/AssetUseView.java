package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of an asset's use history: where ({@code ORIGIN} or {@code REUSE}), when, by whom, and how it performed there. */
public record AssetUseView(UUID id, UUID assetId, UUID campaignId, @Nullable UUID spaceId, String kind,
        @Nullable String context, UUID usedBy, Instant usedAt, AssetPerformance performance,
        @Nullable Instant performanceSyncedAt) {
}
