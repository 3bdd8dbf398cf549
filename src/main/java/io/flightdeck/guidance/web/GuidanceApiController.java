package io.flightdeck.guidance.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.blockers.CampaignEvaluation;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The prompting endpoints: what blocks a campaign, and an evaluation of it. Any member may read them. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/prompting")
@Tag(name = "Guidance")
class GuidanceApiController {

    /** How many recommendations an evaluation carries. */
    static final int TOP = 3;

    private final CampaignBlockers blockers;
    private final CampaignNextSteps nextSteps;

    GuidanceApiController(CampaignBlockers blockers, CampaignNextSteps nextSteps) {
        this.blockers = blockers;
        this.nextSteps = nextSteps;
    }

    record GuidanceBlockersResponse(
            @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(description = "Unmet readiness items of every module, blocking first, then warnings, then the rest; "
                    + "within a severity the heaviest first") List<Blocker> blockers) {
    }

    @Operation(summary = "What blocks the campaign: every module's unmet readiness items with their severity "
            + "(BLOCKING, WARNING, INFO), the module, the objects they are about, the action that clears each and "
            + "where; 404 for a campaign of another workspace")
    @GetMapping("/blockers")
    GuidanceBlockersResponse blockers(@PathVariable UUID id) {
        return new GuidanceBlockersResponse(id, blockers.blockers(id));
    }

    @Operation(summary = "An evaluation of the campaign now: its readiness score and its blockers from one pass over "
            + "the readiness checks, and its top three recommendations; 404 for a campaign of another workspace")
    @GetMapping("/evaluate")
    CampaignEvaluation evaluate(@PathVariable UUID id) {
        CampaignEvaluation evaluation = blockers.evaluate(id);
        return evaluation.withRecommendations(nextSteps.of(id).recommendations().stream().limit(TOP).toList());
    }
}
