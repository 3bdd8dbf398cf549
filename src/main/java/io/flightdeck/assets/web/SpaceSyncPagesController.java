package io.flightdeck.assets.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.imports.AssetImportView;
import io.flightdeck.assets.imports.AssetImports;
import io.flightdeck.assets.imports.PlatformSyncs;
import io.flightdeck.assets.platforms.AdPlatformConnectionView;
import io.flightdeck.assets.platforms.AdPlatformConnections;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The "Sync from Google Ads" (or Meta) panel of a campaign space's page, which the page loads with htmx: why the space
 * cannot sync yet (no platform campaign id, no connection), else the connection, the days and a Sync button for
 * contributors, and the space's last imports with their status. An import still running asks for its own row every
 * two seconds until it has ended, and then tells the page that something changed, so the space's figures reload.
 */
@Controller
class SpaceSyncPagesController {

    static final int LAST_IMPORTS = 5;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final CampaignSpaces spaces;
    private final AdPlatformConnections connections;
    private final PlatformSyncs sync;
    private final AssetImports imports;

    SpaceSyncPagesController(CampaignSpaces spaces, AdPlatformConnections connections, PlatformSyncs sync,
            AssetImports imports) {
        this.spaces = spaces;
        this.connections = connections;
        this.sync = sync;
        this.imports = imports;
    }

    /** The panel (htmx); the space's page otherwise. */
    @GetMapping("/spaces/{id}/sync")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        CampaignSpaceView space = spaces.get(id);
        if (!Htmx.isHtmx(request)) {
            return "redirect:/spaces/" + id;
        }
        return panel(space, model, Map.of(), null, null, null);
    }

    /**
     * Syncs the space. On htmx the panel comes back with the new import on top (running, or already ended), or with
     * what was refused beside its field; without htmx, the import's own page.
     */
    @PostMapping("/spaces/{id}/sync")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String sync(@PathVariable UUID id, @RequestParam(required = false) UUID connectionId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        CampaignSpaceView space = spaces.get(id);
        try {
            AssetImportView run = sync.start(id, connectionId, date("from", from), date("to", to));
            if (!Htmx.isHtmx(request)) {
                return "redirect:/imports/" + run.id();
            }
            return panel(space, model, Map.of(), connectionId, from, to);
        } catch (InvalidInputException e) {
            if (!Htmx.isHtmx(request)) {
                redirect.addFlashAttribute(Flash.KEY, Flash.error("Not synced: " + e.getMessage()));
                return "redirect:/spaces/" + id;
            }
            // answered 200: htmx swaps only a success, and the panel says what was refused
            return panel(space, model, FormErrors.of(e), connectionId, from, to);
        } catch (ConflictException running) {
            // a sync of the space is still running: its row on the panel is already following it
            if (!Htmx.isHtmx(request)) {
                redirect.addFlashAttribute(Flash.KEY, Flash.error("Not synced: " + running.getMessage()));
                return "redirect:/spaces/" + id;
            }
            return panel(space, model, Map.of("global", running.getMessage()), connectionId, from, to);
        }
    }

    /** One import's row of the panel, which a running import asks for again until it has ended. */
    @GetMapping("/spaces/{id}/sync/imports/{importId}")
    String row(@PathVariable UUID id, @PathVariable UUID importId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        AssetImportView run = imports.get(importId);
        if (!run.spaceId().equals(id)) {
            throw new NotFoundException("The import");
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/imports/" + importId;
        }
        if (run.status().isFinished()) {
            // the figures, the assets and anything else on the page that shows state reload themselves
            Htmx.trigger(response, "fd:changed");
        }
        model.addAttribute("i", run);
        model.addAttribute("spaceId", id);
        return "assets/fragments/sync :: row";
    }

    private String panel(CampaignSpaceView space, Model model, Map<String, String> errors, UUID connectionId,
            String from, String to) {
        boolean syncable = space.platform() == AdPlatform.GOOGLE_ADS || space.platform() == AdPlatform.META;
        List<AdPlatformConnectionView> fitting = syncable ? connections.list().stream()
                .filter(c -> c.platform() == space.platform()).toList() : List.of();
        model.addAttribute("space", space);
        model.addAttribute("syncable", syncable);
        model.addAttribute("fitting", fitting);
        model.addAttribute("hasCampaignId", space.externalCampaignId() != null && !space.externalCampaignId().isBlank());
        model.addAttribute("canSync", AssetLibraryPagesController.can(Role.CONTRIBUTOR));
        model.addAttribute("canEdit", AssetLibraryPagesController.can(Role.CONTRIBUTOR));
        model.addAttribute("canConnect", AssetLibraryPagesController.can(Role.ADMIN));
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", connectionId);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("recent", imports.list(space.id(), PageRequest.of(0, LAST_IMPORTS, NEWEST_FIRST)));
        return "assets/fragments/sync :: panel";
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a date such as 2026-10-01");
        }
    }
}
