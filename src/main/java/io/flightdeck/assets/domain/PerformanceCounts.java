package io.flightdeck.assets.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The performance columns an asset (summed over its uses) and each use carry. Written only by set-based updates
 * (imports, performance updates) so that concurrent imports add up; the entities never write them.
 */
@Embeddable
class PerformanceCounts {

    @Column(updatable = false)
    private long impressions;
    @Column(updatable = false)
    private long clicks;
    @Column(updatable = false)
    private long conversions;
    @Column(updatable = false)
    private BigDecimal spend = new BigDecimal("0.00"); // the column's scale, so a new row reads back as it was answered
    @Column(updatable = false)
    private BigDecimal revenue = new BigDecimal("0.00");

    /** With the click-through rate as the owner keeps it (stored for sorting, or worked out for one use). */
    AssetPerformance view(BigDecimal clickThroughRate) {
        return new AssetPerformance(impressions, clicks, conversions, spend, revenue, clickThroughRate);
    }

    /** Clicks per impression to six places; null without impressions. */
    BigDecimal clickThroughRate() {
        return impressions == 0 ? null
                : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 6, java.math.RoundingMode.HALF_UP);
    }
}
