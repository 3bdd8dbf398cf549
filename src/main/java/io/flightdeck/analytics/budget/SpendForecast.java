package io.flightdeck.analytics.budget;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The spend the campaign will have reached at its end date if it goes on as lately, in the budget's currency.
 *
 * @param projectedSpend null when there is nothing to project from (no budget, no dates, not started)
 * @param overBudget projected spend minus the budget: above 0 over budget, below 0 under it
 * @param averageDays the days the daily average is taken over (the last 7, or the days since the start if fewer)
 * @param dailyAverage spend a day over those days
 * @param daysLeft days after today up to the end date
 * @param method how the figure was worked out, or why there is none, in a sentence
 */
public record SpendForecast(@Schema(example = "2940.00") @Nullable BigDecimal projectedSpend,
        @Schema(example = "-60.00") @Nullable BigDecimal overBudget,
        @Schema(example = "EUR 60.00 under budget") @Nullable String verdict, @Schema(example = "7") int averageDays,
        @Schema(example = "98.00") @Nullable BigDecimal dailyAverage, @Schema(example = "20") int daysLeft,
        @Schema(example = "EUR 980.00 spent so far plus the average of the last 7 days (EUR 98.00 a day) for each of "
                + "the 20 days left") String method) {
}
