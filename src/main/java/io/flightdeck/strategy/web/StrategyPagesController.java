package io.flightdeck.strategy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.strategy.domain.ReadableDiff;
import io.flightdeck.strategy.AdObjective;
import io.flightdeck.strategy.domain.Strategies;
import io.flightdeck.strategy.domain.StrategyDetails;
import io.flightdeck.strategy.domain.StrategyView;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Strategy pages: the editor with its completeness checklist and version history, one version read-only, the
 * side-by-side diff, and the card on the campaign page. Members who may not edit see the same pages read-only.
 */
@Controller
class StrategyPagesController {

    private static final int HISTORY_PAGE = 20;

    private final Strategies strategies;

    StrategyPagesController(Strategies strategies) {
        this.strategies = strategies;
    }

    @GetMapping("/campaigns/{id}/strategy")
    String editor(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        Optional<StrategyView> latest = strategies.latest(id);
        var channels = strategies.campaign(id).channels();
        model.addAttribute("form", latest.map(v -> StrategyForm.of(v, channels)).orElseGet(() -> StrategyForm.empty(channels)));
        addEditor(id, page, latest, model);
        return "strategy/editor";
    }

    @PostMapping("/campaigns/{id}/strategy")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String save(@PathVariable UUID id, @Valid @ModelAttribute("form") StrategyForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Optional<StrategyView> latest = strategies.latest(id);
        List<InvalidInputException.Problem> unreadable = new ArrayList<>();
        StrategyDetails details = form.toDetails(unreadable);
        unreadable.forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
        try {
            if (!errors.hasErrors()) {
                StrategyView saved = strategies.save(id, details, form.basedOnVersion());
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Strategy saved as version " + saved.version()));
                return "redirect:/campaigns/" + id + "/strategy";
            }
            strategies.check(details); // writes nothing; the service's problems show with the form's own
        } catch (InvalidInputException e) {
            for (InvalidInputException.Problem p : e.problems()) {
                String field = formField(p.field());
                if (!errors.hasFieldErrors(field)) { // the first message per field
                    errors.rejectValue(field, "invalid", p.message());
                }
            }
        } catch (ConflictException e) {
            errors.reject(e.type(), "strategy-changed".equals(e.type())
                    ? "Someone else saved version " + latest.map(StrategyView::version).orElse(0) + " while you were "
                            + "editing. Your text is still here: look at their version in the history, then save "
                            + "again to put yours on top."
                    : e.getMessage());
        }
        model.addAttribute("errorFields", errors.getFieldErrors().stream().map(FieldError::getField).distinct().count());
        addEditor(id, null, latest, model);
        if (errors.getGlobalErrors().stream().noneMatch(e -> "strategy-changed".equals(e.getCode()))) {
            // Saving again means saving on top of what the writer started from, not on whatever came since.
            model.addAttribute("basedOn", form.basedOnVersion());
        }
        return "strategy/editor";
    }

    @GetMapping("/campaigns/{id}/strategy/versions/{version:\\d+}")
    String version(@PathVariable UUID id, @PathVariable int version, Model model) {
        CampaignSnapshot campaign = strategies.campaign(id);
        StrategyView view = strategies.get(id, version);
        model.addAttribute("campaign", campaign);
        model.addAttribute("strategy", view);
        model.addAttribute("completeness", strategies.completenessOf(campaign, view));
        model.addAttribute("canEdit", canEdit());
        return "strategy/version";
    }

    @PostMapping("/campaigns/{id}/strategy/versions/{version:\\d+}/invalidate")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String invalidate(@PathVariable UUID id, @PathVariable int version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            strategies.invalidate(id, version, reason);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Version " + version + " invalidated"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Version " + version + " is still current: the reason "
                    + e.getMessage()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/campaigns/" + id + "/strategy";
    }

    @GetMapping("/campaigns/{id}/strategy/diff")
    String diff(@PathVariable UUID id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        CampaignSnapshot campaign = strategies.campaign(id);
        int newest = strategies.latest(id).map(StrategyView::version).orElse(0);
        int right = to == null ? newest : to;
        int left = from == null ? right - 1 : from;
        model.addAttribute("campaign", campaign);
        model.addAttribute("newest", newest);
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        if (newest >= 2 && left >= 1 && right >= 1) {
            model.addAttribute("older", strategies.get(id, left));
            model.addAttribute("newer", strategies.get(id, right));
            model.addAttribute("rows", strategies.compare(id, left, right).stream().map(ReadableDiff::row).toList());
        }
        return "strategy/diff";
    }

    /** The card on the campaign page, loaded with hx-get. */
    @GetMapping("/campaigns/{id}/strategy/panel")
    String panel(@PathVariable UUID id, Model model) {
        CampaignSnapshot campaign = strategies.campaign(id);
        Optional<StrategyView> latest = strategies.latest(id);
        StrategyView current = latest.filter(StrategyView::current).orElse(null);
        model.addAttribute("campaignId", id);
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("current", current);
        model.addAttribute("completeness", current == null ? null : strategies.completenessOf(campaign, current));
        model.addAttribute("canEdit", canEdit());
        return "strategy/fragments/panel :: panel";
    }

    private void addEditor(UUID id, Integer page, Optional<StrategyView> latest, Model model) {
        CampaignSnapshot campaign = strategies.campaign(id);
        StrategyView shown = latest.orElse(null);
        Page<StrategyView> history = strategies.list(id, Paging.of(page, HISTORY_PAGE, Sort.unsorted()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("latest", shown);
        model.addAttribute("current", latest.filter(StrategyView::current).orElse(null));
        model.addAttribute("completeness", strategies.completenessOf(campaign, shown));
        model.addAttribute("history", history);
        model.addAttribute("basedOn", latest.map(StrategyView::version).orElse(0));
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("platformChoices", Channel.values());
        model.addAttribute("objectives", AdObjective.values());
    }

    private static boolean canEdit() {
        return CurrentActor.require().role().includes(Role.CONTRIBUTOR);
    }

    /** Service field names that differ from the form's. */
    private static String formField(String field) {
        return switch (field) {
            case "adsConfig.objective" -> "adObjective";
            case "adsConfig.budgetSplit" -> "budgetRows";
            case "adsConfig.biddingNotes" -> "biddingNotes";
            default -> field;
        };
    }
}
