package io.flightdeck.content.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.creatives.CreativeMode;
import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.content.brands.BrandView;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.CreativeDraft;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's content from its page: the Content card (the campaign's brand and newest creatives) and the form for a
 * new creative, which opens the editor ({@link CreativePagesController}) once made.
 */
@Controller
class CampaignContentPagesController {

    private static final int PANEL_CREATIVES = 8;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final Creatives creatives;
    private final Brands brands;
    private final CampaignDirectory campaigns;

    CampaignContentPagesController(Creatives creatives, Brands brands, CampaignDirectory campaigns) {
        this.creatives = creatives;
        this.brands = brands;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/content/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "/tabs/content#content";
        }
        CampaignSnapshot campaign = campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("brand", brands.forCampaign(id).orElse(null));
        model.addAttribute("brandChosen", brands.chosenFor(id));
        model.addAttribute("brands", brands.list(false));
        model.addAttribute("creatives", creatives.forCampaign(id, false, PageRequest.of(0, PANEL_CREATIVES, NEWEST_FIRST)));
        model.addAttribute("canEdit", CreativePagesController.can(Role.CONTRIBUTOR));
        return "content/fragments/panel :: panel";
    }

    @PostMapping("/campaigns/{id}/content/brand")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String chooseBrand(@PathVariable UUID id, @RequestParam UUID brandId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        BrandView brand = brands.choose(id, brandId);
        if (Htmx.isHtmx(request)) {
            return panel(id, request, model);
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("The campaign now writes in “" + brand.name() + "”"));
        return "redirect:/campaigns/" + id + "/tabs/content#content";
    }

    // ---- a new creative -------------------------------------------------------------------------------------------

    @GetMapping("/campaigns/{id}/creatives/new")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String newCreative(@PathVariable UUID id, Model model) {
        CampaignSnapshot campaign = campaign(id);
        return form(model, campaign, new CreativeForm("", "", new LinkedHashSet<>(campaign.channels()), CreativeMode.AI),
                null);
    }

    @PostMapping("/campaigns/{id}/creatives")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(@PathVariable UUID id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String topic, @RequestParam(required = false) Set<Channel> channels,
            @RequestParam(defaultValue = "AI") CreativeMode mode, Model model, RedirectAttributes redirect) {
        CampaignSnapshot campaign = campaign(id);
        CreativeForm form = new CreativeForm(title, topic, channels == null ? Set.of() : channels, mode);
        Map<String, String> errors = form.problems();
        if (!errors.isEmpty()) {
            return form(model, campaign, form, errors);
        }
        try {
            CreativeView created = creatives.create(new CreativeDraft(id, title, topic, form.channels(), mode, Map.of(),
                    null, null, null, null));
            redirect.addFlashAttribute(Flash.KEY, Flash.success(mode == CreativeMode.AI
                    ? "Creative “" + created.title() + "” written by the built-in generator: edit what you like"
                    : "Creative “" + created.title() + "” created: write its parts"));
            return "redirect:/creatives/" + created.id();
        } catch (InvalidInputException e) {
            return form(model, campaign, form, FormErrors.of(e));
        } catch (GenerationFailedException e) {
            return form(model, campaign, form, Map.of("global", e.getMessage()));
        }
    }

    private String form(Model model, CampaignSnapshot campaign, CreativeForm form, Map<String, String> errors) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("allChannels", Channel.values());
        model.addAttribute("brand", brands.forCampaign(campaign.id()).orElse(null));
        return "content/creative-new";
    }

    private CampaignSnapshot campaign(UUID id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
    }
}
