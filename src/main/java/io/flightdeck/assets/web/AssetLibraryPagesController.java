package io.flightdeck.assets.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AdPlatform;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.ImportSource;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetUseView;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The asset library's pages: the library (grid or list, filters, paging, the upload zone) and an asset's page, which
 * the library and a space's page also open as a drawer (the same fragment over htmx). Edits and reuse answer htmx with
 * the asset's fragment again, errors beside their fields; archive, restore and delete post plain forms and redirect,
 * archive with an Undo toast on the page it returns to.
 */
@Controller
class AssetLibraryPagesController {

    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    static final int PAGE_SIZE = 24;
    static final int USES_SHOWN = 50;
    /** Who asked, by htmx's HX-Trigger: the filter form, or the results reloading themselves after a change. */
    private static final String FILTERS = "asset-filters";
    private static final String RESULTS = "asset-results";

    private final AssetLibrary library;
    private final AssetSettingsService settings;
    private final AssetPlaces places;
    private final AssetLookalikes lookalikes;
    private final AssetLibraryBrowser browser;

    AssetLibraryPagesController(AssetLibrary library, AssetSettingsService settings, AssetPlaces places,
            AssetLookalikes lookalikes, AssetLibraryBrowser browser) {
        this.library = library;
        this.settings = settings;
        this.places = places;
        this.lookalikes = lookalikes;
        this.browser = browser;
    }

    // ---- the library --------------------------------------------------------------------------------------------

    /**
     * The library, or on htmx its results with the facets, the chips and (when something other than the form changed
     * them) the form's fields out of band, so that everything on the page describes the same list. The search index
     * answers with ranked words and facet counts; an order or filter only the database has hands the list to the
     * database, without counts ({@link AssetLibraryParams}, {@link AssetLibraryBrowser}).
     */
    @GetMapping("/assets")
    String library(@RequestParam(required = false) String view, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<AssetType> type, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<AdPlatform> platform, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) UUID spaceId, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean expiring,
            @RequestParam(defaultValue = "false") boolean nearDuplicates, @RequestParam(required = false) Integer page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        AssetLibrarySort order = AssetLibrarySort.parse(sort);
        AssetLibraryParams params = new AssetLibraryParams(view, q, type, tag, platform, campaignId, spaceId, archived,
                order, expiring, nearDuplicates);
        boolean stoodDown = AssetLibraryParams.standsDown(platform, order, expiring, nearDuplicates);
        AssetLibraryView shown = browser.browse(params, page, PAGE_SIZE);
        addLibrary(model, params, shown, stoodDown, Htmx.isHtmx(request));
        if (Htmx.isHtmx(request)) {
            String trigger = request.getHeader("HX-Trigger");
            if (!RESULTS.equals(trigger)) {
                // the address shows what the list shows, not every empty field of the form
                response.setHeader("HX-Push-Url", params.url("/assets"));
            }
            // the form's fields change when a facet, a chip or the server did; a reload after an upload leaves them be,
            // and so does the form's own request, which would otherwise overwrite a field being typed in
            boolean fields = !RESULTS.equals(trigger) && (!FILTERS.equals(trigger) || stoodDown);
            model.addAttribute("swapFields", fields);
            if (fields) {
                addFilterChoices(model);
            }
            return "assets/fragments/facets :: update";
        }
        addFilterChoices(model);
        model.addAttribute("maxUploadBytes", settings.current().maxUploadBytes());
        addCopyForm(model, AssetCopyForm.empty(), null);
        return "assets/library";
    }

    /** The results fragment's model (as {@link #addResults} gives a space's page), the facets, the chips and a note. */
    private static void addLibrary(Model model, AssetLibraryParams params, AssetLibraryView shown, boolean stoodDown,
            boolean htmx) {
        model.addAttribute("assets", shown.assets());
        model.addAttribute("params", params);
        model.addAttribute("library", shown);
        model.addAttribute("resultsUrl", params.url("/assets"));
        model.addAttribute("gridUrl", params.url("/assets", AssetListParams.GRID));
        model.addAttribute("listUrl", params.url("/assets", AssetListParams.LIST));
        model.addAttribute("clearUrl", AssetLibraryParams.empty(params.view()).url("/assets"));
        // with words and other filters, a way to search the whole library for the words
        boolean otherFilters = !params.wordsOnly().equals(params);
        model.addAttribute("wordsOnlyUrl", params.q() != null && otherFilters ? params.wordsOnly().url("/assets") : null);
        model.addAttribute("stoodDown", stoodDown ? "Name, click-through and reuse order and the rights and look-alike "
                + "filters don't combine with a platform; remove the platform to use them." : null);
        model.addAttribute("htmx", htmx);
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR));
    }

    /** What the filter form's selects offer. */
    private void addFilterChoices(Model model) {
        model.addAttribute("types", AssetType.values());
        model.addAttribute("sorts", AssetLibrarySort.values());
        model.addAttribute("campaignChoices", places.campaignChoices());
        model.addAttribute("spaceChoices", places.spaceChoices());
    }

    // ---- new copy -----------------------------------------------------------------------------------------------

    /** What the "New copy" dialog needs: its form, the copy types, and the space it creates into (null: the library). */
    static void addCopyForm(Model model, AssetCopyForm form, UUID spaceId) {
        model.addAttribute("copy", form);
        model.addAttribute("copyTypes", AssetCopyForm.TYPES);
        model.addAttribute("copySpaceId", spaceId);
    }

    /**
     * Creates copy from the "New copy" dialog, in the library or (with {@code spaceId}) in a space and its campaign.
     * On htmx it answers the form again, empty with a notice or with the errors beside their fields; the write's
     * {@code fd:changed} reloads the grid behind it. Without htmx it redirects, as the other forms do.
     */
    @PostMapping("/assets/copy")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String createCopy(@Valid @ModelAttribute("copy") AssetCopyForm copy, BindingResult errors,
            @RequestParam(required = false) UUID spaceId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        String back = spaceId == null ? "/assets" : "/spaces/" + spaceId;
        copy.check(errors);
        if (!errors.hasErrors()) {
            try {
                AssetView created = library.createCopy(copy.toDetails(), library.placement(null, spaceId),
                        ImportSource.MANUAL_UPLOAD);
                if (!Htmx.isHtmx(request)) {
                    redirect.addFlashAttribute(Flash.KEY, Flash.success("Created “" + created.name() + "”"));
                    return "redirect:" + back;
                }
                addCopyForm(model, new AssetCopyForm(copy.type(), "", "", ""), spaceId);
                model.addAttribute("copyCreated", created);
                return "assets/fragments/copy-form :: copyForm";
            } catch (InvalidInputException e) {
                FormErrors.reject(errors, e, AssetCopyForm::field);
            } catch (NotFoundException | ConflictException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The copy was not created: "
                    + errors.getAllErrors().get(0).getDefaultMessage()));
            return "redirect:" + back;
        }
        addCopyForm(model, copy, spaceId);
        return "assets/fragments/copy-form :: copyForm";
    }

    /** What the results fragment shows, for the library and for a space's page. */
    static void addResults(Model model, AssetListParams params, Page<AssetView> assets, String path, boolean htmx) {
        model.addAttribute("assets", assets);
        model.addAttribute("params", params);
        model.addAttribute("resultsUrl", params.url(path));
        model.addAttribute("gridUrl", params.url(path, AssetListParams.GRID));
        model.addAttribute("listUrl", params.url(path, AssetListParams.LIST));
        model.addAttribute("clearUrl", AssetListParams.ofSpace(params.view()).url(path));
        model.addAttribute("htmx", htmx);
        model.addAttribute("canEdit", can(Role.CONTRIBUTOR));
    }

    // ---- one asset ----------------------------------------------------------------------------------------------

    /** The asset's page, or on htmx its fragment for the drawer. */
    @GetMapping("/assets/{id}")
    String detail(@PathVariable UUID id, HttpServletRequest request, Model model) {
        boolean drawer = Htmx.isHtmx(request);
        AssetView asset = library.get(id);
        addDetail(model, asset, AssetForm.of(asset), AssetReuseForm.empty(), drawer, returnTo(request, drawer));
        return drawer ? "assets/fragments/detail :: detail" : "assets/detail";
    }

    @PostMapping("/assets/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") AssetForm form, BindingResult errors,
            @RequestParam(defaultValue = "false") boolean drawer, @RequestParam(required = false) String returnTo,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AssetView current = library.get(id);
        if (!errors.hasErrors()) {
            try {
                AssetView saved = library.update(id, form.toDetails(current), form.version());
                if (!Htmx.isHtmx(request)) {
                    redirect.addFlashAttribute(Flash.KEY, Flash.success("Saved “" + saved.name() + "”"));
                    return "redirect:/assets/" + id;
                }
                addDetail(model, saved, AssetForm.of(saved), AssetReuseForm.empty(), drawer, safe(returnTo, "/assets"));
                model.addAttribute("notice", "Saved “" + saved.name() + "”");
                return "assets/fragments/detail :: detail";
            } catch (InvalidInputException e) {
                FormErrors.reject(errors, e, AssetForm::field);
            } catch (PreconditionFailedException e) {
                errors.reject("stale", "Someone else saved this asset while you were editing. Open it again to see "
                        + "their change, then apply yours.");
            } catch (ConflictException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        addDetail(model, current, form, AssetReuseForm.empty(), drawer, safe(returnTo, "/assets"));
        return Htmx.isHtmx(request) ? "assets/fragments/detail :: detail" : "assets/detail";
    }

    @PostMapping("/assets/{id}/reuse")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String reuse(@PathVariable UUID id, @Valid @ModelAttribute("reuse") AssetReuseForm reuse, BindingResult errors,
            @RequestParam(defaultValue = "false") boolean drawer, @RequestParam(required = false) String returnTo,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AssetView asset = library.get(id);
        if (reuse.campaignId() == null && reuse.spaceId() == null) {
            errors.rejectValue("campaignId", "required", "Choose a campaign or a space");
        }
        if (!errors.hasErrors()) {
            try {
                AssetPlacement placement = library.placement(reuse.campaignId(), reuse.spaceId());
                AssetUseView use = library.reuse(id, placement, reuse.tidyContext());
                String where = where(use);
                if (!Htmx.isHtmx(request)) {
                    redirect.addFlashAttribute(Flash.KEY, Flash.success("Reused in " + where));
                    return "redirect:/assets/" + id;
                }
                AssetView after = library.get(id);
                addDetail(model, after, AssetForm.of(after), AssetReuseForm.empty(), drawer, safe(returnTo, "/assets"));
                model.addAttribute("notice", "Reused in " + where);
                return "assets/fragments/detail :: detail";
            } catch (InvalidInputException e) {
                errors.rejectValue("campaignId".equals(e.field()) ? "campaignId" : "spaceId", "invalid",
                        "campaignId".equals(e.field()) ? "The campaign " + e.getMessage() : e.getMessage());
            } catch (NotFoundException e) {
                errors.rejectValue(reuse.spaceId() != null ? "spaceId" : "campaignId", "missing", e.getMessage());
            } catch (ConflictException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        addDetail(model, asset, AssetForm.of(asset), reuse, drawer, safe(returnTo, "/assets"));
        model.addAttribute("reuseOpen", true);
        return Htmx.isHtmx(request) ? "assets/fragments/detail :: detail" : "assets/detail";
    }

    /** Archives and goes back to where the member was, with an Undo toast there. */
    @PostMapping("/assets/{id}/archive")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String archive(@PathVariable UUID id, @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        AssetView asset = library.get(id);
        String back = safe(returnTo, "/assets");
        try {
            library.archive(id);
            redirect.addFlashAttribute("undoAsset", new Undo(id, asset.name(), back));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + back;
    }

    /** What an Undo toast offers: the archived record, its name, and the page to come back to. */
    public record Undo(UUID id, String name, String returnTo) {
    }

    @PostMapping("/assets/{id}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String restore(@PathVariable UUID id, @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        String back = safe(returnTo, "/assets/" + id);
        try {
            AssetView restored = library.restore(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Restored “" + restored.name() + "”"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + back;
    }

    @PostMapping("/assets/{id}/delete")
    @PreAuthorize("hasRole('MANAGER')")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        AssetView asset = library.get(id);
        library.deletePermanently(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Deleted “" + asset.name() + "” for good"));
        return "redirect:/assets";
    }

    private void addDetail(Model model, AssetView asset, AssetForm form, AssetReuseForm reuse, boolean drawer,
            String returnTo) {
        boolean canEdit = can(Role.CONTRIBUTOR);
        Page<AssetUseView> uses = library.uses(asset.id(), PageRequest.of(0, USES_SHOWN, Sort.by("usedAt", "id")));
        model.addAttribute("asset", asset);
        model.addAttribute("form", form);
        model.addAttribute("reuse", reuse);
        model.addAttribute("uses", places.named(uses.getContent()));
        model.addAttribute("useCount", uses.getTotalElements());
        model.addAttribute("similar", lookalikes.of(asset.id()));
        model.addAttribute("drawer", drawer);
        model.addAttribute("returnTo", returnTo);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canDelete", can(Role.MANAGER));
        model.addAttribute("channelChoices", Channel.values());
        model.addAttribute("typeChoices", typeChoices(asset.type()));
        if (canEdit && !asset.archived()) {
            model.addAttribute("campaignChoices", places.campaignChoices());
            model.addAttribute("spaceChoices", places.spaceChoices());
        }
    }

    /** A file keeps a file type and copy stays copy, so the form offers only the types of the asset's own kind. */
    private static List<AssetType> typeChoices(AssetType type) {
        Set<AssetType> all = EnumSet.allOf(AssetType.class);
        return all.stream().filter(t -> type == null || t.isCopy() == type.isCopy()).toList();
    }

    private String where(AssetUseView use) {
        String campaign = places.campaignNames(List.of(use.campaignId())).getOrDefault(use.campaignId(), "the campaign");
        if (use.spaceId() == null) {
            return campaign;
        }
        var space = places.spaces(List.of(use.spaceId())).get(use.spaceId());
        return space == null ? campaign : space.name() + " (" + campaign + ")";
    }

    /**
     * The page a drawer's archive returns to: the page the drawer is open on (htmx says which), else the library.
     * A full asset page archives back to the library, where the Undo toast shows.
     */
    private static String returnTo(HttpServletRequest request, boolean drawer) {
        if (!drawer) {
            return "/assets";
        }
        String current = request.getHeader("HX-Current-URL");
        if (current == null) {
            return "/assets";
        }
        try {
            URI uri = URI.create(current);
            return safe(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), "/assets");
        } catch (IllegalArgumentException e) {
            return "/assets";
        }
    }

    /** A path on this site only: never another host (an open redirect). */
    static String safe(String path, String fallback) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        return path;
    }

    static boolean can(Role role) {
        return CurrentActor.require().role().includes(role);
    }
}
