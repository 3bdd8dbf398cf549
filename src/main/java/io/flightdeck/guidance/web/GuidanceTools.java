package io.flightdeck.guidance.web;

import java.util.UUID;

import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.outcomes.CampaignPredictions;
import io.flightdeck.guidance.outcomes.RecordedPrediction;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.flightdeck.guidance.situation.CampaignNextSteps.NextSteps;
import io.flightdeck.guidance.strategy.StrategyGenerationQueue;
import io.flightdeck.guidance.strategy.StrategyGenerationRequestView;
import io.flightdeck.guidance.web.GuidanceApiController.GuidanceBlockersResponse;
import io.flightdeck.guidance.web.RecommendationsApiController.ReactionCounts;
import io.flightdeck.guidance.web.RecommendationsApiController.RecommendationsResponse;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What guidance tells an AI assistant over MCP, on the services the REST controllers use and in their views: what
 * blocks a campaign ({@code GET /api/v1/campaigns/{id}/prompting/blockers}), its recommendations ({@code
 * .../prompting/recommendation}) and the prediction that it meets its objective ({@code GET
 * /api/v1/orchestrator/campaigns/{id}/predict-success}). Guidance leaves simulated numbers out as it does for the
 * API. Reacting to a recommendation is not a tool yet.
 * <p>
 * Generating a strategy is a tool through {@link StrategyGenerationQueue}: the call queues the generation and its job,
 * so a dry run (rolled back with its job) never reaches the generator, and the confirmed call's job saves the version
 * and its evidence as {@code POST /api/v1/orchestrator/campaigns/{id}/generate-strategy} does.
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

    record GenerateInput(
            @Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID campaignId,
            @Schema(description = "The generator: built-in, or the name of an AI provider the workspace has; its "
                    + "default when left out") @Size(max = 40) String provider) {
    }

    record GenerationInput(@Schema(description = "The generation's id, as generate_strategy answers it")
            @NotNull UUID id) {
    }

    @Bean
    AssistantTool generateStrategyTool(StrategyGenerationQueue queue) {
        return AssistantTool.creating("generate_strategy", "Generate a campaign's strategy",
                "Asks the generator to draft a full strategy (goals, audience, pillars, tone, cadence, channel mix, "
                        + "budget split) from the campaign's brief, its brand and what worked in the workspace's past "
                        + "campaigns, saved as the campaign's next strategy version for review (contributors and "
                        + "above). The call queues the work and answers at once with its id and state QUEUED: read it "
                        + "with get_strategy_generation until it is DONE (then strategyVersion is the new version, "
                        + "awaiting review: get_strategy shows it) or FAILED (with the reason). Dry run it first and "
                        + "tell the person a new version will be saved and the strategy approval sent back for review.",
                Toolset.GUIDANCE, Role.CONTRIBUTOR, GenerateInput.class, StrategyGenerationRequestView.class,
                input -> queue.queue(input.campaignId(), input.provider()));
    }

    @Bean
    AssistantTool getStrategyGenerationTool(StrategyGenerationQueue queue) {
        return AssistantTool.reading("get_strategy_generation", "Get a strategy generation",
                "Answers a strategy generation generate_strategy queued: QUEUED or RUNNING while the generator "
                        + "drafts, DONE with the new strategy version number (awaiting review) and the id of the record "
                        + "of the evidence it was given, or FAILED with the reason in words.",
                Toolset.GUIDANCE, GenerationInput.class, StrategyGenerationRequestView.class,
                input -> queue.get(input.id()));
    }
}
