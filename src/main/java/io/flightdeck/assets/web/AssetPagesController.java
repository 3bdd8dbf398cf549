package io.flightdeck.assets.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetUseView;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.web.AssetLibraryPagesController.Undo;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
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

import static io.flightdeck.assets.web.AssetLibraryPagesController.can;
import static io.flightdeck.assets.web.AssetLibraryPagesController.safe;

/**
 * An asset's page, which the library and a space's page also open as a drawer (the same fragment over htmx): its
 * details and rights with the edit form, its uses with reuse elsewhere, its look-alikes, and archive, restore and
 * delete. Edits and reuse answer htmx with the asset's fragment again, errors beside their fields; archive, restore
 * and delete post plain forms and redirect, archive with an Undo toast on the page it returns to.
 */
@Controller
class AssetPagesController {

    private static final int USES_SHOWN = 50;

    private final AssetLibrary library;
    private final AssetLookup lookup;
    private final AssetPlaces places;
    private final AssetLookalikes lookalikes;

    AssetPagesController(AssetLibrary library, AssetLookup lookup, AssetPlaces places, AssetLookalikes lookalikes) {
        this.library = library;
        this.lookup = lookup;
        this.places = places;
        this.lookalikes = lookalikes;
    }

    /** The asset's page, or on htmx its fragment for the drawer. */
    @GetMapping("/assets/{id}")
    String detail(@PathVariable UUID id, HttpServletRequest request, Model model) {
        boolean drawer = Htmx.isHtmx(request);
        AssetView asset = lookup.get(id);
        addDetail(model, asset, AssetForm.of(asset), AssetReuseForm.empty(), drawer, returnTo(request, drawer));
        return drawer ? "assets/fragments/detail :: detail" : "assets/detail";
    }

    @PostMapping("/assets/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") AssetForm form, BindingResult errors,
            @RequestParam(defaultValue = "false") boolean drawer, @RequestParam(required = false) String returnTo,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        AssetView current = lookup.get(id);
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
        AssetView asset = lookup.get(id);
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
                AssetView after = lookup.get(id);
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
        AssetView asset = lookup.get(id);
        String back = safe(returnTo, "/assets");
        try {
            library.archive(id);
            redirect.addFlashAttribute("undoAsset", new Undo(id, asset.name(), back));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + back;
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
        AssetView asset = lookup.get(id);
        library.deletePermanently(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Deleted “" + asset.name() + "” for good"));
        return "redirect:/assets";
    }

    private void addDetail(Model model, AssetView asset, AssetForm form, AssetReuseForm reuse, boolean drawer,
            String returnTo) {
        boolean canEdit = can(Role.CONTRIBUTOR);
        Page<AssetUseView> uses = lookup.uses(asset.id(), PageRequest.of(0, USES_SHOWN, Sort.by("usedAt", "id")));
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
}
