package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A space's figures: asset count and size, the performance totals, and the rates derived from them. A rate whose
 * denominator is zero is null (unknown), not zero.
 */
public record CampaignSpaceStats(UUID spaceId, int assetCount, long totalAssetSizeBytes, long impressions, long clicks,
        long conversions, BigDecimal spend, String currency, BigDecimal clickThroughRate, BigDecimal conversionRate,
        BigDecimal costPerClick, BigDecimal costPerConversion, Instant performanceSyncedAt) {
}
