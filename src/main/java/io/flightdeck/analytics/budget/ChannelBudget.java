package io.flightdeck.analytics.budget;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One channel's share of the budget and what it did with it, money in the budget's currency. Figures whose divisor is
 * zero, and planned figures of a channel the strategy's split leaves out, are null.
 *
 * @param channel the channel's name as the numbers carry it ({@code SEARCH_ADS}), "" for numbers without a channel
 * @param plannedPercent its share in the strategy's split
 * @param plannedAmount the budget times that share
 * @param plannedToDate the planned amount times the campaign's elapsed days over all its days
 * @param shareOfSpendPercent its spend over all spend to date
 * @param utilisationPercent its spend over its planned amount to date
 * @param returnOnAdSpend revenue over spend
 * @param costPerAcquisition spend over conversions
 */
public record ChannelBudget(@Schema(example = "SEARCH_ADS") String channel,
        @Schema(example = "Search ads") String label, @Schema(example = "60") Integer plannedPercent,
        @Schema(example = "1800.00") BigDecimal plannedAmount, @Schema(example = "600.00") BigDecimal plannedToDate,
        @Schema(example = "600.00") BigDecimal spent, @Schema(example = "61.2") BigDecimal shareOfSpendPercent,
        @Schema(example = "100.0") BigDecimal utilisationPercent, @Schema(example = "1500.00") BigDecimal revenue,
        @Schema(example = "20") BigDecimal conversions, @Schema(example = "2.50") @Nullable BigDecimal returnOnAdSpend,
        @Schema(example = "30.00") @Nullable BigDecimal costPerAcquisition) {
}
