package io.flightdeck.assets.web;

import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.AssetFilter;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.domain.CampaignSpaceFilter;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's spaces: the list with each space's figures, the space form, a space's page with its assets and the
 * upload zone, archive (with Undo) and restore; and the assets card on the campaign page.
 */
@Controller
class CampaignSpacePagesController {

    private static final Sort BY_NAME = Sort.by("name", "id");
    private static final int PANEL_ASSETS = 6;

    private final CampaignSpaces spaces;
    private final AssetLookup lookup;
    private final CampaignDirectory campaigns;
    private final AssetSettingsService settings;

    CampaignSpacePagesController(CampaignSpaces spaces, AssetLookup lookup, CampaignDirectory campaigns,
            AssetSettingsService settings) {
        this.spaces = spaces;
        this.lookup = lookup;
        this.campaigns = campaigns;
        this.settings = settings;
    }

    // ---- a campaign's spaces ------------------------------------------------------------------------------------

    @GetMapping("/campaigns/{id}/spaces")
    String list(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean archived, Model model) {
        CampaignSnapshot campaign = campaign(id);
        Page<CampaignSpaceView> found = spaces.list(filter(id, archived), PageRequest.of(0, 200, BY_NAME));
        model.addAttribute("campaign", campaign);
        model.addAttribute("spaces", found.getContent());
        model.addAttribute("archived", archived);
        model.addAttribute("totals", SpaceTotals.of(found.getContent()));
        model.addAttribute("canEdit", AssetLibraryPagesController.can(Role.CONTRIBUTOR));
        return "assets/spaces";
    }

    @GetMapping("/campaigns/{id}/spaces/new")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String newForm(@PathVariable UUID id, Model model) {
        model.addAttribute("campaign", campaign(id));
        model.addAttribute("form", CampaignSpaceForm.empty());
        addChoices(model);
        return "assets/space-form";
    }

    @PostMapping("/campaigns/{id}/spaces")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String create(@PathVariable UUID id, @Valid @ModelAttribute("form") CampaignSpaceForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("campaign", campaign(id));
        addChoices(model);
        if (errors.hasErrors()) {
            alsoTheRules(form, id, errors);
            return "assets/space-form";
        }
        try {
            CampaignSpaceView created = spaces.create(form.toDetails(id));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Space “" + created.name() + "” created"));
            return "redirect:/spaces/" + created.id();
        } catch (InvalidInputException e) {
            reject(errors, e);
            return "assets/space-form";
        }
    }

    // ---- one space ----------------------------------------------------------------------------------------------

    /** The space's page, or on htmx only its assets (what the grid reloads after an upload or an edit). */
    @GetMapping("/spaces/{id}")
    String space(@PathVariable UUID id, @RequestParam(required = false) String view,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        CampaignSpaceView space = spaces.get(id);
        AssetListParams params = AssetListParams.ofSpace(view);
        AssetFilter filter = AssetFilter.live().inSpace(id);
        Page<AssetView> assets = lookup.list(filter, Paging.of(page, AssetLibraryPagesController.PAGE_SIZE,
                AssetLibraryPagesController.NEWEST_FIRST));
        AssetLibraryPagesController.addResults(model, params, assets, "/spaces/" + id, Htmx.isHtmx(request));
        model.addAttribute("space", space);
        if (Htmx.isHtmx(request)) {
            return "assets/fragments/results :: results";
        }
        model.addAttribute("campaign", campaigns.find(space.campaignId()).orElse(null));
        model.addAttribute("maxUploadBytes", settings.current().maxUploadBytes());
        model.addAttribute("canDelete", AssetLibraryPagesController.can(Role.MANAGER));
        AssetLibraryPagesController.addCopyForm(model, AssetCopyForm.empty(), id);
        return "assets/space";
    }

    /** The space's figures, which its page reloads after an upload. */
    @GetMapping("/spaces/{id}/stats")
    String stats(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/spaces/" + id;
        }
        model.addAttribute("space", spaces.get(id));
        return "assets/fragments/space-stats :: stats";
    }

    @GetMapping("/spaces/{id}/edit")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String editForm(@PathVariable UUID id, Model model) {
        CampaignSpaceView space = spaces.get(id);
        if (space.archived()) {
            throw new ConflictException("space-archived", "The campaign space is archived; restore it before changing it.");
        }
        model.addAttribute("space", space);
        model.addAttribute("campaign", campaign(space.campaignId()));
        model.addAttribute("form", CampaignSpaceForm.of(space));
        addChoices(model);
        return "assets/space-form";
    }

    @PostMapping("/spaces/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CampaignSpaceForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        CampaignSpaceView space = spaces.get(id);
        model.addAttribute("space", space);
        model.addAttribute("campaign", campaign(space.campaignId()));
        addChoices(model);
        if (errors.hasErrors()) {
            alsoTheRules(form, space.campaignId(), errors);
            return "assets/space-form";
        }
        try {
            CampaignSpaceView saved = spaces.update(id, form.toDetails(space.campaignId()), form.version());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Space “" + saved.name() + "” saved"));
            return "redirect:/spaces/" + id;
        } catch (InvalidInputException e) {
            reject(errors, e);
        } catch (PreconditionFailedException e) {
            errors.reject("stale", "Someone else saved this space while you were editing. Open it again to see their "
                    + "change, then apply yours.");
        } catch (ConflictException e) {
            errors.reject("conflict", e.getMessage());
        }
        return "assets/space-form";
    }

    /** Archives the space and returns to the campaign's spaces, with an Undo toast there. */
    @PostMapping("/spaces/{id}/archive")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        CampaignSpaceView space = spaces.get(id);
        String back = "/campaigns/" + space.campaignId() + "/spaces";
        try {
            spaces.archive(id);
            redirect.addFlashAttribute("undoSpace", new AssetLibraryPagesController.Undo(id, space.name(), back));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + back;
    }

    /**
     * Deletes the space for good (managers): its figures and its record of which assets were used here go; the assets
     * themselves stay in the library.
     */
    @PostMapping("/spaces/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String deletePermanently(@PathVariable UUID id, RedirectAttributes redirect) {
        CampaignSpaceView space = spaces.get(id);
        spaces.deletePermanently(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Deleted the space “" + space.name() + "” for good"));
        return "redirect:/campaigns/" + space.campaignId() + "/spaces";
    }

    @PostMapping("/spaces/{id}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String restore(@PathVariable UUID id, @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        try {
            CampaignSpaceView restored = spaces.restore(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Restored “" + restored.name() + "”"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + AssetLibraryPagesController.safe(returnTo, "/spaces/" + id);
    }

    // ---- the campaign page's card -------------------------------------------------------------------------------

    /** The assets card: the campaign's spaces with their counts and its newest assets. */
    @GetMapping("/campaigns/{id}/assets/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "/tabs/assets#assets"; // the card has no page of its own
        }
        CampaignSnapshot campaign = campaign(id);
        AssetFilter inCampaign = new AssetFilter(false, java.util.Set.of(), java.util.Set.of(), null, id, null, null);
        Page<AssetView> latest = lookup.list(inCampaign, PageRequest.of(0, PANEL_ASSETS,
                AssetLibraryPagesController.NEWEST_FIRST));
        model.addAttribute("campaign", campaign);
        model.addAttribute("spaces", spaces.list(filter(id, false), PageRequest.of(0, 50, BY_NAME)));
        model.addAttribute("latest", latest);
        model.addAttribute("canEdit", AssetLibraryPagesController.can(Role.CONTRIBUTOR));
        return "assets/fragments/panel :: panel";
    }

    private CampaignSnapshot campaign(UUID id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    private static CampaignSpaceFilter filter(UUID campaignId, boolean archived) {
        return new CampaignSpaceFilter(campaignId, null, archived, null, null, null, null, null, null);
    }

    private static void addChoices(Model model) {
        model.addAttribute("platforms", AdPlatform.values());
        model.addAttribute("sources", ImportSource.values());
    }

    /** The rules' problems too, beside the form's own, so every field is marked at once; nothing is written. */
    private void alsoTheRules(CampaignSpaceForm form, UUID campaignId, BindingResult errors) {
        try {
            spaces.check(form.toDetails(campaignId));
        } catch (InvalidInputException e) {
            reject(errors, e);
        } catch (RuntimeException unreadable) {
            // a value the form could not read is already marked; the rules need it whole to say more
        }
    }

    private static void reject(BindingResult errors, InvalidInputException e) {
        FormErrors.reject(errors, e, CampaignSpaceForm::field);
    }
}
