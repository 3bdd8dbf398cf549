package io.flightdeck.guidance.web;

import java.util.UUID;

import io.flightdeck.guidance.strategy.StrategyGeneration;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Strategy generation on the page: a card on the campaign's Strategy tab with what worked before and the button that
 * opens the strategy draft page (content's, the one generator a person uses), and the page of a version the API's
 * {@code generate-strategy} saved, with the evidence it was given.
 */
@Controller
class StrategyGenerationPagesController {

    private final StrategyGeneration generation;

    StrategyGenerationPagesController(StrategyGeneration generation) {
        this.generation = generation;
    }

    @GetMapping("/campaigns/{id}/guidance/strategy-generation/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "/tabs/strategy"; // the card has no page of its own
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("evidence", generation.evidence(id));
        model.addAttribute("canGenerate", CurrentActor.require().role() != Role.VIEWER);
        return "guidance/fragments/strategy-generation :: panel";
    }

    @GetMapping("/campaigns/{id}/guidance/strategy-generations/{generationId}")
    String generated(@PathVariable UUID id, @PathVariable UUID generationId, Model model) {
        model.addAttribute("generated", generation.find(id, generationId));
        return "guidance/strategy-generation";
    }
}
