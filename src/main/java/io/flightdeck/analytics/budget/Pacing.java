package io.flightdeck.analytics.budget;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Spend against the plan to date.
 *
 * @param percent spent to date over planned to date, in per cent; null when nothing was planned yet
 * @param words the state in a sentence, with what is missing when there is no comparison
 */
public record Pacing(@Schema(example = "ON_PLAN") PacingState state,
        @Schema(example = "98.0") @Nullable BigDecimal percent,
        @Schema(example = "On plan: 98.0 % of the EUR 1,000.00 planned to date is spent") String words) {
}
