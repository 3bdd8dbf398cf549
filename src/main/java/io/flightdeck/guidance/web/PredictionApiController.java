package io.flightdeck.guidance.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.objectives.CampaignObjectives;
import io.flightdeck.guidance.outcomes.CampaignPredictions;
import io.flightdeck.guidance.outcomes.PredictionHistory;
import io.flightdeck.guidance.outcomes.RecordedPrediction;
import io.flightdeck.guidance.outcomes.TrackRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's objective, the prediction that it meets it, and how past predictions did. Any member reads; who may
 * edit a campaign (a manager) sets its objective.
 */
@RestController
@RequestMapping("/api/v1/orchestrator")
@Tag(name = "Guidance")
class PredictionApiController {

    private final CampaignObjectives objectives;
    private final CampaignPredictions predictions;
    private final PredictionHistory history;

    PredictionApiController(CampaignObjectives objectives, CampaignPredictions predictions,
            PredictionHistory history) {
        this.objectives = objectives;
        this.predictions = predictions;
        this.history = history;
    }

    record ObjectiveRequest(
            @Schema(example = "CLICK_RATE", description = "CLICK_RATE, CONVERSION_RATE, CLICKS, CONVERSIONS, "
                    + "REVENUE or RETURN_ON_SPEND") String metric,
            @Schema(example = "2.5") BigDecimal target,
            @Schema(example = "EUR", nullable = true, description = "for REVENUE and RETURN_ON_SPEND only")
            String currency) {
    }

    record ObjectiveResponse(
            @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(nullable = true, description = "null while no objective is set") CampaignObjective objective) {
    }

    @Operation(summary = "The campaign's measurable objective (a metric, a target and for money a currency), or null "
            + "while none is set; 404 for a campaign of another workspace")
    @GetMapping("/campaigns/{id}/objective")
    ObjectiveResponse objective(@PathVariable UUID id) {
        return new ObjectiveResponse(id, objectives.of(id).orElse(null));
    }

    @Operation(summary = "Sets the campaign's objective, replacing any before; managers and above")
    @PutMapping("/campaigns/{id}/objective")
    @PreAuthorize("hasRole('MANAGER')")
    ObjectiveResponse setObjective(@PathVariable UUID id, @RequestBody ObjectiveRequest request) {
        return new ObjectiveResponse(id, objectives.set(id, request.metric(), request.target(), request.currency()));
    }

    @Operation(summary = "How likely the campaign is to meet its objective (0 to 100) with an interval, the method "
            + "(MODEL, BASELINE or NOT_ENOUGH_HISTORY and why), the factors, the baseline's formula and the range of "
            + "the objective's metric similar past campaigns reached; learned from this workspace's scored finished "
            + "campaigns only. Each answer is recorded (once a day while nothing changes)")
    @GetMapping("/campaigns/{id}/predict-success")
    RecordedPrediction predict(@PathVariable UUID id) {
        return predictions.predict(id);
    }

    @Operation(summary = "The campaign's recorded predictions, newest first, each with how it turned out once the "
            + "campaign was scored, and their track record")
    @GetMapping("/campaigns/{id}/track-record")
    TrackRecord.OfCampaign campaignTrackRecord(@PathVariable UUID id) {
        return history.ofCampaign(id);
    }

    @Operation(summary = "The workspace's track record: predictions scored, how many were right at 50 %, the Brier "
            + "score and the calibration by likelihood band")
    @GetMapping("/track-record")
    TrackRecord trackRecord() {
        return history.ofWorkspace();
    }
}
