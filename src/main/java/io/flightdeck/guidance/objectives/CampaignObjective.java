package io.flightdeck.guidance.objectives;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign's objective as set: the target, who set it and when.
 *
 * @param setBy the member who set it last
 */
public record CampaignObjective(
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
        Target target,
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5f") UUID setBy,
        @Schema(example = "2026-11-25T09:30:00Z") Instant setAt) {

    /**
     * A measurable target: the campaign meets it when the metric's figure over its days through its end date is at
     * least the value.
     *
     * @param currency ISO 4217, for a money metric only (revenue, return on spend)
     */
    public record Target(
            @Schema(example = "CLICK_RATE") ObjectiveMetric metric,
            @Schema(example = "2.5", description = "percent for rates, a ratio for return on spend, a count or an "
                    + "amount otherwise") BigDecimal value,
            @Schema(example = "EUR", nullable = true) String currency) {

        /** Whether an achieved figure meets this target. */
        public boolean metBy(BigDecimal achieved) {
            return achieved != null && achieved.compareTo(value) >= 0;
        }

        /** The target in words, such as "Click rate at least 2.5 %". */
        public String describe() {
            return metric.label() + " at least " + format(value);
        }

        /** A figure of this target's metric with its unit or currency: 2.4 % for a rate, 1,200 EUR for revenue. */
        public String format(BigDecimal figure) {
            String number = String.format(java.util.Locale.ROOT, "%,.2f", figure).replaceAll("0+$", "")
                    .replaceAll("\\.$", "");
            if (metric.money() && metric.unit().isEmpty()) {
                return number + " " + currency;
            }
            return metric.unit().isEmpty() ? number : number + " " + metric.unit();
        }
    }
}
