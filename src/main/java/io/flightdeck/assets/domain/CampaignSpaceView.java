package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A campaign space as the API answers it.
 *
 * @param performanceEnteredAt when its totals were last entered by hand (they count in analytics as such); null when
 *                             they come from imports or were never entered
 */
public record CampaignSpaceView(UUID id, UUID campaignId, String name, @Nullable String description,
        AdPlatform platform, @Nullable String externalCampaignId, @Nullable String objective, @Nullable String audience,
        @Nullable Money budget, ImportSource importSource, @Nullable Instant importedAt, Set<String> tags,
        @Nullable String category, boolean template, boolean active, boolean archived, @Nullable Instant archivedAt,
        SpacePerformance performance, @Nullable Instant performanceSyncedAt, @Nullable Instant performanceEnteredAt,
        int assetCount, long totalAssetSizeBytes,
        Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "The brand the campaign advertises") @Nullable String brand) {
}
