package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's budget against its spend: the plan to date (the budget spread evenly over the campaign's days), what
 * was spent, the pacing, the forecast to the end date with its method, the ROI forecast and each channel's share and
 * efficiency. Money is in the budget's currency; other currencies are listed apart in {@code notCounted}.
 *
 * @param today the workspace's today, the last day counted
 * @param asOf the numbers hold everything written before this instant
 * @param budget null when the campaign has none
 * @param totalDays the campaign's days, both ends included (0 without dates)
 * @param elapsedDays its days up to today, today included, at most {@code totalDays}
 * @param remaining the budget minus the spend to date
 * @param splitVersion the strategy version the split per channel comes from; null when there is none
 * @param notCounted spend and revenue in other currencies (all of it when there is no budget)
 */
public record BudgetView(UUID campaignId, @Schema(example = "Winter sale") String campaignName,
        @Schema(example = "Europe/Paris") String timeZone, LocalDate today, Instant asOf, @Nullable Money budget,
        @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Schema(example = "30") int totalDays,
        @Schema(example = "10") int elapsedDays, @Schema(example = "1000.00") @Nullable BigDecimal plannedToDate,
        @Schema(example = "980.00") @Nullable BigDecimal spentToDate,
        @Schema(example = "2020.00") @Nullable BigDecimal remaining, Pacing pacing, SpendForecast forecast,
        RoiForecast roiForecast, @Schema(example = "3") @Nullable Integer splitVersion, List<ChannelBudget> channels,
        List<OtherCurrency> notCounted) {
}
