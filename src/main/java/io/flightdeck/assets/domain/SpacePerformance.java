package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A space's performance totals: what a platform or an import reports, replaced as a whole on each sync. Spend and
 * revenue are in the space's budget currency; the rates are derived from the totals.
 *
 * @param clickThroughRate clicks per impression (0.0125 is 1.25 %); null without impressions
 * @param roas revenue per unit of spend; null without spend, where it has no meaning
 */
public record SpacePerformance(long impressions, long clicks, long conversions, BigDecimal spend, BigDecimal revenue,
        @Schema(description = "Clicks per impression; null without impressions", example = "0.0125") @Nullable BigDecimal clickThroughRate,
        @Schema(description = "Revenue divided by spend; null when spend is 0", example = "3.25") @Nullable BigDecimal roas) {

    /** The totals with their rates; a null revenue is none. */
    public static SpacePerformance of(long impressions, long clicks, long conversions, BigDecimal spend,
            @Nullable BigDecimal revenue) {
        BigDecimal r = revenue == null ? BigDecimal.ZERO.setScale(2) : revenue;
        BigDecimal ctr = impressions == 0 ? null
                : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 8, RoundingMode.HALF_UP);
        BigDecimal roas = spend == null || spend.signum() == 0 ? null : r.divide(spend, 4, RoundingMode.HALF_UP);
        return new SpacePerformance(impressions, clicks, conversions, spend, r, ctr, roas);
    }
}
