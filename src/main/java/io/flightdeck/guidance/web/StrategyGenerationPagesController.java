package io.flightdeck.guidance.web;

import java.util.UUID;

import io.flightdeck.content.ContentGenerationException;
import io.flightdeck.guidance.strategy.GeneratedStrategy;
import io.flightdeck.guidance.strategy.StrategyGeneration;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Strategy generation on the page: a card on the campaign's Strategy tab with what worked before and the button, the
 * form it posts, and the page of a generated version with the evidence it was given.
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

    @PostMapping("/campaigns/{id}/guidance/generate-strategy")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String generate(@PathVariable UUID id, @RequestParam(required = false) String provider,
            RedirectAttributes redirect) {
        String chosen = provider == null || provider.isBlank() ? null : provider.strip();
        if (chosen != null && chosen.length() > 40) {
            chosen = null; // not a provider's name: the workspace's default writes it
        }
        try {
            GeneratedStrategy generated = generation.generate(id, chosen);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Strategy version " + generated.version()
                    + " was generated and waits for review"));
            return "redirect:/campaigns/" + id + "/guidance/strategy-generations/" + generated.generationId();
        } catch (ContentGenerationException e) {
            return notGenerated(id, e, redirect);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("No strategy was generated: " + e.getMessage()));
            return "redirect:/campaigns/" + id + "/tabs/strategy";
        }
    }

    /** The generator could not write it (a provider down, out of budget, a malformed answer): back to the tab. */
    private static String notGenerated(UUID id, ContentGenerationException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Flash.KEY, Flash.error("No strategy was generated: " + e.getMessage()));
        return "redirect:/campaigns/" + id + "/tabs/strategy";
    }

    @GetMapping("/campaigns/{id}/guidance/strategy-generations/{generationId}")
    String generated(@PathVariable UUID id, @PathVariable UUID generationId, Model model) {
        model.addAttribute("generated", generation.find(id, generationId));
        return "guidance/strategy-generation";
    }
}
