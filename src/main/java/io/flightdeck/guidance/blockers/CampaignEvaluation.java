package io.flightdeck.guidance.blockers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.ReadinessScore;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One evaluation of a campaign: its readiness score and what blocks it, from the same readiness items, at one
 * moment, and the top recommendations (added by the caller, which gathers the campaign's situation). The success
 * prediction joins it as it is built.
 */
public record CampaignEvaluation(
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
        @Schema(example = "2027-03-01T09:30:00Z") Instant evaluatedAt,
        @Schema(description = "The readiness score as the campaign page shows it, from the same items as the blockers")
        ReadinessScore readiness,
        @Schema(description = "As GET /api/v1/campaigns/{id}/prompting/blockers answers them") List<Blocker> blockers,
        @Schema(description = "The top recommendations no reaction hides, as GET "
                + "/api/v1/campaigns/{id}/prompting/recommendation ranks them") List<Recommendation> recommendations) {

    public CampaignEvaluation {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** The same evaluation with the campaign's top recommendations. */
    public CampaignEvaluation withRecommendations(List<Recommendation> top) {
        return new CampaignEvaluation(campaignId, evaluatedAt, readiness, blockers, top);
    }
}
