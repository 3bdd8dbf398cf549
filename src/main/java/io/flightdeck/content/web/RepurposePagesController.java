package io.flightdeck.content.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.generation.RepurposeFormat;
import io.flightdeck.content.repurposing.RepurposedItemView;
import io.flightdeck.content.repurposing.RepurposedStatus;
import io.flightdeck.content.repurposing.Repurposing;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
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
 * The repurpose pages: paste a text or pick a document, choose the formats, then review the variations per format,
 * move each along its status and save the good ones as creatives.
 */
@Controller
class RepurposePagesController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final Repurposing repurposing;
    private final CampaignDirectory campaigns;
    private final AssetDirectory assets;

    RepurposePagesController(Repurposing repurposing, CampaignDirectory campaigns, AssetDirectory assets) {
        this.repurposing = repurposing;
        this.campaigns = campaigns;
        this.assets = assets;
    }

    @GetMapping("/repurposed")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("sources", repurposing.sources(null, Paging.of(page, 20, NEWEST_FIRST)));
        model.addAttribute("canEdit", CreativePagesController.can(Role.CONTRIBUTOR));
        return "content/repurposed-list";
    }

    record RepurposeForm(UUID campaignId, String title, String text, UUID documentAssetId, Set<RepurposeFormat> formats,
            int variations) {
    }

    @GetMapping("/repurpose")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String start(@RequestParam(required = false) UUID campaignId, Model model) {
        return form(model, new RepurposeForm(campaignId, "", "", null, EnumSet.allOf(RepurposeFormat.class), 3), Map.of());
    }

    @PostMapping("/repurpose")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String repurpose(@RequestParam(required = false) UUID campaignId, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String text, @RequestParam(required = false) UUID documentAssetId,
            @RequestParam(required = false) Set<RepurposeFormat> formats, @RequestParam(defaultValue = "3") int variations,
            Model model, RedirectAttributes redirect) {
        RepurposeForm form = new RepurposeForm(campaignId, title, text, documentAssetId,
                formats == null ? Set.of() : formats, variations);
        if (form.formats().isEmpty()) {
            return form(model, form, Map.of("formats", "Choose at least one format"));
        }
        try {
            Repurposing.RepurposeResult result = repurposing.repurpose(new Repurposing.Command(campaignId, title,
                    text.isBlank() ? null : text, text.isBlank() ? documentAssetId : null, form.formats(), variations, null));
            redirect.addFlashAttribute(Flash.KEY, Flash.success(result.items().size() + " pieces written from “"
                    + result.source().title() + "”: approve the ones you like, or save them as creatives"));
            return "redirect:/repurposed/" + result.source().id();
        } catch (InvalidInputException e) {
            return form(model, form, Map.of(e.field() == null ? "global" : e.field(), e.getMessage()));
        }
    }

    @GetMapping("/repurposed/{id}")
    String review(@PathVariable UUID id, Model model) {
        Repurposing.RepurposeResult result = repurposing.get(id);
        Map<RepurposeFormat, List<RepurposedItemView>> byFormat = new LinkedHashMap<>();
        for (RepurposeFormat f : RepurposeFormat.values()) {
            List<RepurposedItemView> mine = result.items().stream().filter(i -> i.format() == f).toList();
            if (!mine.isEmpty()) {
                byFormat.put(f, mine);
            }
        }
        model.addAttribute("source", result.source());
        model.addAttribute("byFormat", byFormat);
        model.addAttribute("campaign", result.source().campaignId() == null ? null
                : campaigns.find(result.source().campaignId()).orElse(null));
        model.addAttribute("campaigns", liveCampaigns());
        model.addAttribute("canEdit", CreativePagesController.can(Role.CONTRIBUTOR));
        return "content/repurposed";
    }

    @PostMapping("/repurposed/{id}/variations")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String more(@PathVariable UUID id, @RequestParam RepurposeFormat format, RedirectAttributes redirect) {
        try {
            List<RepurposedItemView> added = repurposing.moreVariations(id, format, 1);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Variation " + added.get(0).variation() + " of the "
                    + format.label() + " added"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/repurposed/" + id + "#format-" + format.name();
    }

    @PostMapping("/repurposed/{id}/items/{itemId}/status")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String status(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam RepurposedStatus status,
            RedirectAttributes redirect) {
        try {
            repurposing.move(itemId, status);
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/repurposed/" + id + "#item-" + itemId;
    }

    @PostMapping("/repurposed/{id}/items/{itemId}/creative")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String saveAsCreative(@PathVariable UUID id, @PathVariable UUID itemId,
            @RequestParam(required = false) UUID campaignId, RedirectAttributes redirect) {
        try {
            CreativeView creative = repurposing.saveAsCreative(itemId, campaignId);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Saved as the creative “" + creative.title() + "”"));
            return "redirect:/creatives/" + creative.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/repurposed/" + id + "#item-" + itemId;
        }
    }

    private String form(Model model, RepurposeForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allFormats", RepurposeFormat.values());
        model.addAttribute("campaigns", liveCampaigns());
        model.addAttribute("documents", assets.newest(AssetType.DOCUMENT, 48));
        return "content/repurpose";
    }

    private List<CampaignSnapshot> liveCampaigns() {
        List<CampaignStatus> live = List.of(CampaignStatus.DRAFT, CampaignStatus.PLANNING, CampaignStatus.READY,
                CampaignStatus.ACTIVE, CampaignStatus.PAUSED);
        java.util.List<CampaignSnapshot> all = new java.util.ArrayList<>(campaigns.inStatuses(live, 100 * live.size()));
        all.sort(java.util.Comparator.comparing(CampaignSnapshot::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }
}
