package io.flightdeck.analytics.budget;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Return on investment so far and at the end date, in the budget's currency only: revenue is projected the way spend
 * is (so far, plus the recent daily average for each day left), and ROI is (revenue − spend) over spend, in per cent.
 * Each ratio is null where its divisor is zero.
 */
public record RoiForecast(@Schema(example = "EUR") @Nullable String currency,
        @Schema(example = "980.00") @Nullable BigDecimal spentToDate,
        @Schema(example = "1500.00") @Nullable BigDecimal revenueToDate,
        @Schema(example = "53.1") @Nullable BigDecimal roiToDatePercent,
        @Schema(example = "2940.00") @Nullable BigDecimal projectedSpend,
        @Schema(example = "4500.00") @Nullable BigDecimal projectedRevenue,
        @Schema(example = "53.1") @Nullable BigDecimal projectedRoiPercent,
        @Schema(example = "EUR 1,500.00 earned so far plus the average of the last 7 days (EUR 150.00 a day) for each " + "of the 20 days left, against the spend forecast") String method) {
}
