package io.flightdeck.content.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.content.PastResults;
import io.flightdeck.content.StrategyDraft;
import io.flightdeck.content.strategydrafts.StrategyDrafts;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.strategy.AdObjective;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The strategy draft page, the one place a person drafts a strategy (the Content tab and the Strategy tab's card both
 * lead here): {@code /campaigns/{id}/strategy-draft} shows a draft written from the campaign and what worked before,
 * with that evidence, to edit and adopt as the next strategy version. The API's drafts come from
 * {@link StrategyDraftsApiController}.
 */
@Controller
class StrategyDraftsController {

    private final StrategyDrafts drafts;
    private final CampaignDirectory campaigns;

    StrategyDraftsController(StrategyDrafts drafts, CampaignDirectory campaigns) {
        this.drafts = drafts;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/strategy-draft")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String page(@PathVariable UUID id, @RequestParam(required = false) String provider, Model model) {
        CampaignSnapshot campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
        PastResults past = drafts.pastResults(id);
        model.addAttribute("past", past);
        try {
            return form(model, campaign, drafts.draft(id, provider, past), Map.of());
        } catch (GenerationFailedException e) {
            return form(model, campaign, drafts.draft(id, "built-in", past), Map.of("global", e.getMessage()
                    + " The built-in generator wrote this draft instead."));
        }
    }

    @PostMapping("/campaigns/{id}/strategy-draft")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String adopt(@PathVariable UUID id, @RequestParam(defaultValue = "") String goals,
            @RequestParam(defaultValue = "") String targetAudience, @RequestParam(defaultValue = "") String contentPillars,
            @RequestParam(defaultValue = "") String brandTone, @RequestParam(defaultValue = "") String cadence,
            @RequestParam(required = false) List<Channel> platforms, @RequestParam(defaultValue = "0") int basedOnVersion,
            @RequestParam(required = false) AdObjective adObjective, @RequestParam(defaultValue = "") String channelMix,
            @RequestParam(defaultValue = "") String budgetSplit, Model model, RedirectAttributes redirect) {
        CampaignSnapshot campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
        StrategyDraft draft = new StrategyDraft(platforms == null ? List.of() : platforms, lines(goals),
                blank(targetAudience), lines(contentPillars), blank(brandTone), blank(cadence), shares(channelMix),
                shares(budgetSplit), adObjective, basedOnVersion, "a person");
        try {
            int version = drafts.adopt(id, draft);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("The draft is strategy version " + version));
            return "redirect:/campaigns/" + id + "/strategy";
        } catch (InvalidInputException e) {
            // only the goals have a field of their own here; anything else (the ads section) is said above the form
            return form(model, campaign, draft, Map.of("goals".equals(e.field()) ? "goals" : "global",
                    e.getMessage()));
        } catch (ConflictException e) {
            return form(model, campaign, draft, Map.of("global", e.getMessage()));
        }
    }

    private static String form(Model model, CampaignSnapshot campaign, StrategyDraft draft, Map<String, String> errors) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("draft", draft);
        model.addAttribute("objectives", AdObjective.values());
        model.addAttribute("errors", errors);
        return "content/strategy-draft";
    }

    /** The draft's shares as the form carries them, {@code LINKEDIN=40,EMAIL=60}; null for none (the current kept). */
    private static Map<Channel, Integer> shares(String text) {
        Map<Channel, Integer> shares = new java.util.EnumMap<>(Channel.class);
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) {
                try {
                    shares.put(Channel.valueOf(kv[0].strip()), Integer.parseInt(kv[1].strip()));
                } catch (IllegalArgumentException notOne) {
                    throw new InvalidInputException("channelMix", "A share is a channel and a whole percent: " + pair);
                }
            }
        }
        return shares.isEmpty() ? null : shares;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
