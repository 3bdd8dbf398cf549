package io.flightdeck.guidance.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignLabel;
import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.objectives.CampaignObjectives;
import io.flightdeck.guidance.objectives.ObjectiveMetric;
import io.flightdeck.guidance.outcomes.CampaignPredictions;
import io.flightdeck.guidance.outcomes.PredictionHistory;
import io.flightdeck.guidance.outcomes.RecordedPrediction;
import io.flightdeck.guidance.prediction.SuccessBaseline;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The objective and the success prediction in the campaign's guidance card, the form that sets the objective, and the
 * workspace's track record page.
 */
@Controller
class PredictionPagesController {

    /** How many scored predictions the track record page lists. */
    static final int LATEST = 20;

    private final CampaignObjectives objectives;
    private final CampaignPredictions predictions;
    private final PredictionHistory history;
    private final CampaignDirectory campaigns;

    PredictionPagesController(CampaignObjectives objectives, CampaignPredictions predictions,
            PredictionHistory history, CampaignDirectory campaigns) {
        this.objectives = objectives;
        this.predictions = predictions;
        this.history = history;
        this.campaigns = campaigns;
    }

    /** What the objective form shows: the objective as set, or what was typed when it was refused. */
    record ObjectiveForm(String metric, String target, String currency) {

        static ObjectiveForm of(CampaignObjective objective) {
            if (objective == null) {
                return new ObjectiveForm(ObjectiveMetric.CLICK_RATE.name(), "", "");
            }
            CampaignObjective.Target t = objective.target();
            return new ObjectiveForm(t.metric().name(), t.value().stripTrailingZeros().toPlainString(),
                    t.currency() == null ? "" : t.currency());
        }
    }

    @GetMapping("/campaigns/{id}/guidance/prediction")
    String prediction(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "#guidance"; // a part of the card, with no page of its own
        }
        CampaignObjective objective = objectives.of(id).orElse(null);
        fill(model, id, objective, ObjectiveForm.of(objective), null);
        return "guidance/fragments/prediction :: prediction";
    }

    @PostMapping("/campaigns/{id}/guidance/objective")
    @PreAuthorize("hasRole('MANAGER')")
    String setObjective(@PathVariable UUID id, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String target, @RequestParam(required = false) String currency,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        ObjectiveForm typed = new ObjectiveForm(metric, target, currency);
        try {
            BigDecimal value = target == null || target.isBlank() ? null : new BigDecimal(target.trim());
            String code = currency == null ? null : currency.trim().toUpperCase(java.util.Locale.ROOT);
            objectives.set(id, metric, value, code);
        } catch (NumberFormatException e) {
            return refused(id, typed, List.of("The target must be a number, such as 2.5"), request, response, model);
        } catch (InvalidInputException e) {
            return refused(id, typed, e.problems().stream().map(InvalidInputException.Problem::message).toList(),
                    request, response, model);
        }
        if (Htmx.isHtmx(request)) {
            return prediction(id, request, model);
        }
        return "redirect:/campaigns/" + id + "#guidance";
    }

    private String refused(UUID id, ObjectiveForm typed, List<String> problems, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        fill(model, id, objectives.of(id).orElse(null), typed, problems);
        if (Htmx.isHtmx(request)) {
            return "guidance/fragments/prediction :: prediction"; // swapped into the card with the problems
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "guidance/objective";
    }

    private void fill(Model model, UUID id, CampaignObjective objective, ObjectiveForm form, List<String> problems) {
        RecordedPrediction prediction = predictions.predict(id);
        model.addAttribute("campaignId", id);
        model.addAttribute("objective", objective);
        model.addAttribute("form", form);
        model.addAttribute("objectiveErrors", problems);
        model.addAttribute("metrics", Arrays.asList(ObjectiveMetric.values()));
        model.addAttribute("prediction", prediction);
        model.addAttribute("minHistory", SuccessBaseline.MIN_HISTORY);
        // who may edit the campaign may set its objective; the others see it without the form
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.MANAGER));
    }

    @GetMapping("/guidance/track-record")
    String trackRecord(Model model) {
        List<RecordedPrediction> latest = history.latestScored(LATEST);
        Map<UUID, String> names = campaigns.labels(latest.stream().map(RecordedPrediction::campaignId)
                .collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(CampaignLabel::id, CampaignLabel::name));
        model.addAttribute("record", history.ofWorkspace());
        model.addAttribute("latest", latest);
        model.addAttribute("names", names);
        return "guidance/track-record";
    }
}
