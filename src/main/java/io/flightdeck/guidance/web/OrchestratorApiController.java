package io.flightdeck.guidance.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.guidance.dashboard.OrchestrationDashboard;
import io.flightdeck.guidance.dashboard.OrchestrationDashboards;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orchestrator's view of a campaign: its recommendations, what needs recovering and the dashboard that gathers
 * everything guidance knows about it. Any member may read it.
 */
@RestController
@RequestMapping("/api/v1/orchestrator/campaigns/{id}")
@Tag(name = "Guidance")
class OrchestratorApiController {

    private final CampaignNextSteps nextSteps;
    private final OrchestrationDashboards dashboards;

    OrchestratorApiController(CampaignNextSteps nextSteps, OrchestrationDashboards dashboards) {
        this.nextSteps = nextSteps;
        this.dashboards = dashboards;
    }

    record OrchestratorRecommendations(@Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(description = "Ranked as the prompting recommendation endpoint ranks them")
            List<Recommendation> recommendations) {
    }

    record FailureRecovery(@Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(description = "Failed posts, in-doubt posts and failed sends, each with its one-click action")
            List<Recommendation> recoveries) {
    }

    @Operation(summary = "The campaign's recommendations no reaction hides, ranked, each with its evidence and "
            + "one-click action; 404 for a campaign of another workspace")
    @GetMapping("/recommendations")
    OrchestratorRecommendations recommendations(@PathVariable UUID id) {
        return new OrchestratorRecommendations(id, nextSteps.of(id).recommendations());
    }

    @Operation(summary = "What needs recovering now: the campaign's failed posts, in-doubt posts and email sends with "
            + "failed recipients, each with the action that recovers it; reactions do not hide these, since they stay "
            + "until recovered; 404 for a campaign of another workspace")
    @GetMapping("/failure-recovery")
    FailureRecovery failureRecovery(@PathVariable UUID id) {
        return new FailureRecovery(id, nextSteps.recovery(id));
    }

    @Operation(summary = "The orchestration dashboard: readiness and the blockers that stop the launch, failure "
            + "recovery, budget, channel, content and timing recommendations, each channel's results beside the "
            + "workspace's, the success prediction (recorded as predict-success records it) and the campaign's track "
            + "record, all from one evaluation; 404 for a campaign of another workspace")
    @GetMapping("/dashboard")
    OrchestrationDashboard dashboard(@PathVariable UUID id) {
        return dashboards.of(id);
    }
}
