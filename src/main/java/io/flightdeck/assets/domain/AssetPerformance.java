package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Performance summed across every use of an asset (or of one use); the click-through rate is null without impressions. */
public record AssetPerformance(long impressions, long clicks, long conversions, BigDecimal spend, BigDecimal revenue,
        @Nullable BigDecimal clickThroughRate) {
}
