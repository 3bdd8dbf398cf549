package io.flightdeck.assets.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The asset library's page: the library (grid or list, filters, paging, the upload zone) and its New copy dialog,
 * with what the asset pages share (the results fragment's model, the Undo toast, safe return paths, the member's
 * role). An asset's own page and drawer are {@link AssetPagesController}.
 */
@Controller
class AssetLibraryPagesController {

    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    static final int PAGE_SIZE = 24;
    /** Who asked, by htmx's HX-Trigger: the filter form, or the results reloading themselves after a change. */
    private static final String FILTERS = "asset-filters";
    private static final String RESULTS = "asset-results";

    private final AssetLibrary library;
    private final AssetSettingsService settings;
    private final AssetPlaces places;
    private final AssetLibraryBrowser browser;

    AssetLibraryPagesController(AssetLibrary library, AssetSettingsService settings, AssetPlaces places,
            AssetLibraryBrowser browser) {
        this.library = library;
        this.settings = settings;
        this.places = places;
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
        // the downloads carry the filters and order, not the view (a file has none)
        model.addAttribute("exportQuery", params.url("", AssetListParams.GRID).replaceFirst("^\\?", ""));
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

    /** What an Undo toast offers: the archived record, its name, and the page to come back to. */
    public record Undo(UUID id, String name, String returnTo) implements java.io.Serializable {
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
