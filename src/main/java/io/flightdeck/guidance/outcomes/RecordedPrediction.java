package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.guidance.prediction.SuccessPrediction;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A prediction as recorded, with what it was made from and, once the campaign is scored, how it turned out.
 *
 * @param objective the objective it predicted, or null when the campaign had none (it cannot be scored then)
 * @param range     the range of the objective's metric similar past campaigns achieved, or null with too few
 * @param achieved  the figure the campaign achieved on the objective's metric, once scored
 * @param met       whether it met the objective, once scored
 */
public record RecordedPrediction(
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d60") UUID id,
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
        @Schema(example = "2026-11-25T09:30:00Z") Instant predictedAt,
        @Schema(nullable = true) CampaignObjective.Target objective,
        SuccessPrediction prediction,
        CampaignFeatures features,
        @Schema(nullable = true) MetricRange range,
        @Schema(example = "2.4", nullable = true) BigDecimal achieved,
        @Schema(example = "true", nullable = true) Boolean met,
        @Schema(example = "2026-12-20T06:00:00Z", nullable = true) Instant scoredAt) {
}
