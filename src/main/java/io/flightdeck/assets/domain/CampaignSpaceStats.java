package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A space's figures: asset count and size, the performance totals, and the rates derived from them. A rate whose
 * denominator is zero is null (unknown), not zero.
 */
public record CampaignSpaceStats(UUID spaceId, int assetCount, long totalAssetSizeBytes, long impressions, long clicks,
        long conversions, BigDecimal spend, @Nullable String currency, @Nullable BigDecimal clickThroughRate,
        @Nullable BigDecimal conversionRate, @Nullable BigDecimal costPerClick, @Nullable BigDecimal costPerConversion,
        @Nullable Instant performanceSyncedAt) {
}
