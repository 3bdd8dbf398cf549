package io.flightdeck.content.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativePanel;
import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.ComponentVersionView;
import io.flightdeck.content.creatives.CreativeEditor;
import io.flightdeck.content.creatives.CreativePostPreviews;
import io.flightdeck.content.creatives.CreativeRegeneration;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.content.providers.GenerationProviders;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.strategy.StrategyDirectory;
import io.flightdeck.strategy.StrategyReview;
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
 * The creative editor: parts side by side with a live preview per network, regenerate, lock, history, the stale
 * banner, review, trash and restore. The campaign page's Content card and the new-creative form are
 * {@link CampaignContentPagesController}'s.
 */
@Controller
class CreativePagesController {

    private final Creatives creatives;
    private final CreativeEditor editor;
    private final CreativeRegeneration regeneration;
    private final Brands brands;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final GenerationProviders providers;
    private final AssetDirectory assets;
    private final List<CreativePanel> panels;
    private final CreativePostPreviews postPreviews;

    CreativePagesController(Creatives creatives, CreativeEditor editor, CreativeRegeneration regeneration,
            Brands brands, CampaignDirectory campaigns, StrategyDirectory strategies, GenerationProviders providers,
            AssetDirectory assets, List<CreativePanel> panels, CreativePostPreviews postPreviews) {
        this.creatives = creatives;
        this.editor = editor;
        this.regeneration = regeneration;
        this.brands = brands;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.providers = providers;
        this.assets = assets;
        this.panels = panels.stream().sorted(Comparator.comparingInt(CreativePanel::order)).toList();
        this.postPreviews = postPreviews;
    }

    static boolean can(Role role) {
        return CurrentActor.find().map(a -> a.role().includes(role)).orElse(false);
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
        model.addAttribute("textParts", creative.textParts());
        model.addAttribute("staleDiff", staleDiff(creative));
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR) && !creative.deleted());
        model.addAttribute("providers", providers.list());
        Set<UUID> chosen = new HashSet<>();
        for (ComponentKind media : List.of(ComponentKind.IMAGE, ComponentKind.VIDEO)) {
            if (creative.part(media).assetId() != null) {
                chosen.add(creative.part(media).assetId());
            }
        }
        model.addAttribute("mediaCards", assets.find(chosen));
        model.addAttribute("imagePart", creative.part(ComponentKind.IMAGE));
        model.addAttribute("videoPart", creative.part(ComponentKind.VIDEO));
        model.addAttribute("images", assets.newest(AssetType.IMAGE, 48));
        model.addAttribute("videos", assets.newest(AssetType.VIDEO, 48));
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
            List<ComponentKind> changed = editor.writeTexts(id, texts, version);
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
            if (!Objects.equals(imageAssetId, creative.part(ComponentKind.IMAGE).assetId()) && imageAssetId != null) {
                editor.write(id, ComponentKind.IMAGE, null, imageAssetId, null);
            }
            if (!Objects.equals(videoAssetId, creative.part(ComponentKind.VIDEO).assetId()) && videoAssetId != null) {
                editor.write(id, ComponentKind.VIDEO, null, videoAssetId, null);
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
            CreativeRegeneration.Regenerated r = regeneration.regenerate(id, part, provider,
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
        editor.lock(id, ComponentKind.fromSlug(kind), locked);
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
        editor.promote(id, ComponentKind.fromSlug(kind), number, null);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Version " + number + " is the "
                + ComponentKind.fromSlug(kind).label().toLowerCase() + " again"));
        return "redirect:/creatives/" + id + "#part-" + kind;
    }

    @PostMapping("/creatives/{id}/refresh")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String refresh(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            CreativeView refreshed = regeneration.refresh(id, null, null);
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

    private CampaignSnapshot campaign(UUID id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
    }
}
