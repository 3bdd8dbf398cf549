package io.flightdeck.content.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMode;
import io.flightdeck.content.GenerationFailedException;
import io.flightdeck.content.brands.BrandView;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.ComponentVersionView;
import io.flightdeck.content.creatives.CreativeDraft;
import io.flightdeck.content.creatives.CreativePostPreviews;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.strategy.StrategyDirectory;
import io.flightdeck.strategy.StrategyReview;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The content pages: the campaign page's Content tab (its brand and creatives), a new creative, and the creative
 * editor (parts side by side with a live preview per network, regenerate, lock, history, the stale banner, review).
 */
@Controller
class CreativePagesController {

    private static final int PANEL_CREATIVES = 8;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final Creatives creatives;
    private final Brands brands;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final io.flightdeck.content.providers.GenerationProviders providers;
    private final io.flightdeck.assets.AssetDirectory assets;
    private final List<io.flightdeck.content.CreativePanel> panels;
    private final CreativePostPreviews postPreviews;

    CreativePagesController(Creatives creatives, Brands brands, CampaignDirectory campaigns,
            StrategyDirectory strategies, io.flightdeck.content.providers.GenerationProviders providers,
            io.flightdeck.assets.AssetDirectory assets, List<io.flightdeck.content.CreativePanel> panels,
            CreativePostPreviews postPreviews) {
        this.assets = assets;
        this.postPreviews = postPreviews;
        this.panels = panels.stream()
                .sorted(java.util.Comparator.comparingInt(io.flightdeck.content.CreativePanel::order)).toList();
        this.creatives = creatives;
        this.brands = brands;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.providers = providers;
    }

    static boolean can(Role role) {
        return CurrentActor.find().map(a -> a.role().includes(role)).orElse(false);
    }

    // ---- the campaign page's card ---------------------------------------------------------------------------------

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
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR));
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

    // ---- the editor -----------------------------------------------------------------------------------------------

    @GetMapping("/creatives/{id}")
    String editor(@PathVariable UUID id, Model model) {
        CreativeView creative = creatives.get(id);
        CampaignSnapshot campaign = campaign(creative.campaignId());
        model.addAttribute("creative", creative);
        model.addAttribute("campaign", campaign);
        model.addAttribute("brand", brands.forCampaign(campaign.id()).orElse(null));
        model.addAttribute("previews", postPreviews.of(creative));
        model.addAttribute("textParts", textParts(creative));
        model.addAttribute("staleDiff", staleDiff(creative));
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR) && !creative.deleted());
        model.addAttribute("providers", providers.list());
        java.util.Set<UUID> chosen = new java.util.HashSet<>();
        for (ComponentKind media : List.of(ComponentKind.IMAGE, ComponentKind.VIDEO)) {
            if (creative.part(media).assetId() != null) {
                chosen.add(creative.part(media).assetId());
            }
        }
        model.addAttribute("mediaCards", assets.find(chosen));
        model.addAttribute("imagePart", creative.part(ComponentKind.IMAGE));
        model.addAttribute("videoPart", creative.part(ComponentKind.VIDEO));
        model.addAttribute("images", assets.newest(io.flightdeck.assets.AssetType.IMAGE, 48));
        model.addAttribute("videos", assets.newest(io.flightdeck.assets.AssetType.VIDEO, 48));
        model.addAttribute("panels", creative.deleted() ? List.of() : panels);
        return "content/creative";
    }

    /** The live preview: the editor's unsaved texts as each network would show them, with the brand check. */
    @PostMapping("/creatives/{id}/preview")
    String preview(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        CreativeView saved = creatives.get(id);
        List<CreativeView.Part> parts = new ArrayList<>();
        for (CreativeView.Part p : saved.components()) {
            String typed = form.getFirst(p.kind().slug());
            parts.add(typed == null || !p.kind().isText() ? p : new CreativeView.Part(p.kind(), p.currentVersion(), typed,
                    p.assetId(), p.origin(), p.locked(), p.edited(), p.stale(), p.versionCount(), p.changedSinceApproval()));
        }
        CreativeView typed = saved.withParts(parts);
        model.addAttribute("previews", postPreviews.of(typed));
        return "content/fragments/preview :: previews";
    }

    @PostMapping("/creatives/{id}/parts")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, @RequestParam Long version,
            RedirectAttributes redirect) {
        Map<ComponentKind, String> texts = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.isText() && form.getFirst(kind.slug()) != null) {
                texts.put(kind, form.getFirst(kind.slug()));
            }
        }
        try {
            List<ComponentKind> changed = creatives.writeTexts(id, texts, version);
            redirect.addFlashAttribute(Flash.KEY, changed.isEmpty() ? Flash.success("Nothing changed")
                    : Flash.success("Saved: " + String.join(", ", changed.stream().map(ComponentKind::label).toList())));
        } catch (PreconditionFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Someone changed this creative meanwhile; your text was "
                    + "not saved. Here is theirs."));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/creatives/" + id;
    }

    /** The image and the video: assets of the library, or none. */
    @PostMapping("/creatives/{id}/media")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String media(@PathVariable UUID id, @RequestParam(required = false) UUID imageAssetId,
            @RequestParam(required = false) UUID videoAssetId, RedirectAttributes redirect) {
        CreativeView creative = creatives.get(id);
        try {
            if (!java.util.Objects.equals(imageAssetId, creative.part(ComponentKind.IMAGE).assetId()) && imageAssetId != null) {
                creatives.write(id, ComponentKind.IMAGE, null, imageAssetId, null);
            }
            if (!java.util.Objects.equals(videoAssetId, creative.part(ComponentKind.VIDEO).assetId()) && videoAssetId != null) {
                creatives.write(id, ComponentKind.VIDEO, null, videoAssetId, null);
            }
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Image and video saved"));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/creatives/" + id + "#creative-media";
    }

    @PostMapping("/creatives/{id}/parts/{kind}/regenerate")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String regenerate(@PathVariable UUID id, @PathVariable String kind, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String model, RedirectAttributes redirect) {
        ComponentKind part = ComponentKind.fromSlug(kind);
        try {
            Creatives.Regenerated r = creatives.regenerate(id, part, provider,
                    model == null || model.isBlank() || model.length() > 120 ? null : model.strip(), null);
            redirect.addFlashAttribute(Flash.KEY, Flash.success(r.replaced()
                    ? part.label() + " regenerated (version " + r.version().number() + ")"
                    : "Your " + part.label().toLowerCase() + " stays; the new text waits as version "
                            + r.version().number() + " in its history"));
        } catch (ConflictException | InvalidInputException | GenerationFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/creatives/" + id + "#part-" + part.slug();
    }

    @PostMapping("/creatives/{id}/parts/{kind}/lock")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String lock(@PathVariable UUID id, @PathVariable String kind, @RequestParam boolean locked) {
        creatives.lock(id, ComponentKind.fromSlug(kind), locked);
        return "redirect:/creatives/" + id + "#part-" + kind;
    }

    /** A part's history: every version, with the chosen one beside the current one to compare. */
    @GetMapping("/creatives/{id}/parts/{kind}")
    String history(@PathVariable UUID id, @PathVariable String kind, @RequestParam(required = false) Integer compare,
            Model model) {
        CreativeView creative = creatives.get(id);
        ComponentKind part = ComponentKind.fromSlug(kind);
        List<ComponentVersionView> versions = creatives.history(id, part);
        ComponentVersionView current = versions.stream().filter(ComponentVersionView::current).findFirst().orElse(null);
        ComponentVersionView other = versions.stream()
                .filter(v -> compare != null ? v.number() == compare : !v.current()).findFirst().orElse(null);
        model.addAttribute("creative", creative);
        model.addAttribute("campaign", campaign(creative.campaignId()));
        model.addAttribute("part", part);
        model.addAttribute("versions", versions);
        model.addAttribute("current", current);
        model.addAttribute("other", other);
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR) && !creative.deleted());
        return "content/part-history";
    }

    @PostMapping("/creatives/{id}/parts/{kind}/versions/{number}/promote")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String promote(@PathVariable UUID id, @PathVariable String kind, @PathVariable int number,
            RedirectAttributes redirect) {
        creatives.promote(id, ComponentKind.fromSlug(kind), number, null);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Version " + number + " is the "
                + ComponentKind.fromSlug(kind).label().toLowerCase() + " again"));
        return "redirect:/creatives/" + id + "#part-" + kind;
    }

    @PostMapping("/creatives/{id}/refresh")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String refresh(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            CreativeView refreshed = creatives.refresh(id, null, null);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Refreshed from strategy version "
                    + refreshed.strategyVersion() + "; locked parts and your own text stayed as they were"));
        } catch (ConflictException | GenerationFailedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/creatives/" + id;
    }

    @PostMapping("/creatives/{id}/submit")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            creatives.submit(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Sent for review in the campaign's content approval"));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/creatives/" + id;
    }

    @PostMapping("/creatives/{id}/delete")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        CreativeView creative = creatives.get(id);
        creatives.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("“" + creative.title() + "” moved to the trash"));
        redirect.addFlashAttribute("undoCreative", id);
        return "redirect:/creatives/" + id;
    }

    @PostMapping("/creatives/{id}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        creatives.restore(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Restored"));
        return "redirect:/creatives/" + id;
    }

    private StrategyReview staleDiff(CreativeView creative) {
        if (creative.staleAgainstVersion() == null) {
            return null;
        }
        return strategies.review(creative.campaignId(), creative.staleAgainstVersion(), creative.strategyVersion())
                .orElse(null);
    }

    private static List<CreativeView.Part> textParts(CreativeView creative) {
        boolean video = creative.channels().contains(Channel.TIKTOK) || creative.channels().contains(Channel.YOUTUBE);
        return creative.components().stream().filter(p -> p.kind().isText())
                .filter(p -> p.kind() != ComponentKind.SCRIPT || video || !p.empty()).toList();
    }

    private CampaignSnapshot campaign(UUID id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
    }
}
