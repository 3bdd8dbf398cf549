package io.flightdeck.guidance.web;

import java.util.UUID;

import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.outcomes.CampaignPredictions;
import io.flightdeck.guidance.outcomes.RecordedPrediction;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.flightdeck.guidance.situation.CampaignNextSteps.NextSteps;
import io.flightdeck.guidance.web.GuidanceApiController.GuidanceBlockersResponse;
import io.flightdeck.guidance.web.RecommendationsApiController.ReactionCounts;
import io.flightdeck.guidance.web.RecommendationsApiController.RecommendationsResponse;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What guidance tells an AI assistant over MCP, on the services the REST controllers use and in their views: what
 * blocks a campaign ({@code GET /api/v1/campaigns/{id}/prompting/blockers}), its recommendations ({@code
 * .../prompting/recommendation}) and the prediction that it meets its objective ({@code GET
 * /api/v1/orchestrator/campaigns/{id}/predict-success}). Guidance leaves simulated numbers out as it does for the
 * API. Reacting to a recommendation is not a tool yet.
 */
@Configuration(proxyBeanMethods = false)
class GuidanceTools {

    record CampaignInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID campaignId) {
    }

    @Bean
    AssistantTool campaignBlockersTool(CampaignBlockers blockers) {
        return AssistantTool.reading("get_campaign_blockers", "Get what blocks a campaign",
                "Answers every module's unmet readiness items for a campaign, blocking first, then warnings, then the "
                        + "rest: each with its severity (BLOCKING, WARNING, INFO), the module, the objects it is about, "
                        + "the action that clears it and where. Use it to say what stands between a campaign and "
                        + "launch, and what to do first.",
                Toolset.GUIDANCE, CampaignInput.class, GuidanceBlockersResponse.class,
                input -> new GuidanceBlockersResponse(input.campaignId(), blockers.blockers(input.campaignId())));
    }

    @Bean
    AssistantTool listRecommendationsTool(CampaignNextSteps nextSteps) {
        return AssistantTool.reading("list_recommendations", "List a campaign's recommendations",
                "Answers a campaign's ranked recommendations that no reaction hides (recovery first, then money, "
                        + "performance and nice-to-have): each with what to do, why with its evidence, the expected "
                        + "effect, the effort and the action, and the counts of the reactions (accepted, dismissed, "
                        + "snoozed) that hide others. Learnt from measured numbers only, never simulated ones.",
                Toolset.GUIDANCE, CampaignInput.class, RecommendationsResponse.class, input -> {
                    NextSteps steps = nextSteps.of(input.campaignId());
                    return new RecommendationsResponse(input.campaignId(), steps.recommendations(),
                            ReactionCounts.of(steps.reactions()));
                });
    }

    @Bean
    AssistantTool campaignPredictionTool(CampaignPredictions predictions) {
        return AssistantTool.reading("get_campaign_prediction", "Predict a campaign's success",
                "Answers how likely a campaign is to meet its objective (0 to 100) with an interval, the method "
                        + "(MODEL, BASELINE or NOT_ENOUGH_HISTORY and why), the factors, the baseline's formula and the "
                        + "range similar past campaigns reached; learnt from this workspace's scored finished campaigns "
                        + "and measured numbers only. Say it is an estimate, with its method and interval. Each answer "
                        + "is recorded for the track record (once a day while nothing changes), as the API does.",
                Toolset.GUIDANCE, CampaignInput.class, RecordedPrediction.class,
                input -> predictions.predict(input.campaignId()));
    }
}
