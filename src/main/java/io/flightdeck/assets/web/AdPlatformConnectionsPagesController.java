package io.flightdeck.assets.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.CampaignSpaceFilter;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.platforms.AdPlatformConnectionView;
import io.flightdeck.assets.platforms.AdPlatformConnections;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's ad-platform connections: every member sees which accounts are connected, admins (as the API) add,
 * rename and remove them. A credential is typed once and never put back into a page, not even a form that comes back
 * with errors.
 */
@Controller
class AdPlatformConnectionsPagesController {

    static final String PATH = "/settings/ad-platforms";

    private final AdPlatformConnections connections;
    private final CampaignSpaces spaces;
    private final AssetDisplay display;

    AdPlatformConnectionsPagesController(AdPlatformConnections connections, CampaignSpaces spaces,
            AssetDisplay display) {
        this.connections = connections;
        this.spaces = spaces;
        this.display = display;
    }

    @Bean
    static NavItem adPlatformConnectionsNavItem() {
        return new NavItem("Ad platforms", PATH, "share", 929, Role.VIEWER, NavGroup.SETTINGS,
                "Connect Google Ads and Meta ad accounts, so campaign spaces read their ads' daily results from them.");
    }

    @GetMapping(PATH)
    String list(Model model) {
        return page(model, ConnectionForm.empty(), Map.of(), null, Map.of());
    }

    @PostMapping(PATH)
    @PreAuthorize("hasRole('ADMIN')")
    String add(@ModelAttribute ConnectionForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = form.check();
        if (errors.isEmpty()) {
            try {
                AdPlatformConnectionView added = connections.create(form.toRequest());
                redirect.addFlashAttribute(Flash.KEY, Flash.success(added.name() + " connected. "
                        + display.platform(added.platform()) + " spaces can sync through it now."));
                return "redirect:" + PATH;
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, form.withoutSecrets(), errors, null, Map.of());
    }

    @PostMapping(PATH + "/{id}/rename")
    @PreAuthorize("hasRole('ADMIN')")
    String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            AdPlatformConnectionView renamed = connections.rename(id, name);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Renamed to " + renamed.name()));
            return "redirect:" + PATH;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, ConnectionForm.empty(), Map.of(), id, FormErrors.of(e));
        }
    }

    @PostMapping(PATH + "/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = connections.get(id).name();
        connections.delete(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(name + " removed"));
        return "redirect:" + PATH;
    }

    private String page(Model model, ConnectionForm form, Map<String, String> errors, UUID renaming,
            Map<String, String> renameErrors) {
        List<AdPlatformConnectionView> listed = connections.list();
        model.addAttribute("connections", listed);
        model.addAttribute("afterRemoval", afterRemoval(listed));
        model.addAttribute("canChange", AssetLibraryPagesController.can(Role.ADMIN));
        model.addAttribute("form", form);
        // the one of the two forms that came back: its typed values and errors show there
        model.addAttribute("returned", form.platform() == null ? "" : form.platform().name());
        model.addAttribute("errors", errors);
        model.addAttribute("renaming", renaming);
        model.addAttribute("renameErrors", renameErrors);
        return "assets/ad-platforms";
    }

    /**
     * What removing each connection does to the spaces of its platform, in words: a sync that names no connection
     * takes the platform's oldest, so they go on through the oldest one left, or cannot sync until one is added.
     */
    private Map<UUID, String> afterRemoval(List<AdPlatformConnectionView> listed) {
        Map<AdPlatform, Long> spaceCounts = new EnumMap<>(AdPlatform.class);
        Map<UUID, String> words = new HashMap<>();
        for (AdPlatformConnectionView c : listed) {
            long count = spaceCounts.computeIfAbsent(c.platform(), p -> spaces.list(new CampaignSpaceFilter(null, p,
                    false, null, null, null, null, null, null), PageRequest.of(0, 1)).getTotalElements());
            String platform = display.platform(c.platform());
            String used = count == 0 ? "No live space is on " + platform + " yet. "
                    : count == 1 ? "1 live space is on " + platform + ". "
                    : count + " live spaces are on " + platform + ". ";
            String next = listed.stream().filter(o -> o.platform() == c.platform() && !o.id().equals(c.id()))
                    .min(Comparator.comparing(AdPlatformConnectionView::createdAt)
                            .thenComparing(AdPlatformConnectionView::id))
                    .map(o -> "Their syncs go through " + o.name() + " from then on. ")
                    .orElse("They cannot sync until another " + platform + " connection is added. ");
            words.put(c.id(), used + next + "The imports it ran stay on their spaces, with the numbers they brought.");
        }
        return words;
    }
}
