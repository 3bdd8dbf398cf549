package io.flightdeck.ops.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.ops.alerts.AlertStatus;
import io.flightdeck.ops.alerts.SystemAlerts;
import io.flightdeck.ops.health.SystemHealth;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.ratelimit.RateLimits;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
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
 * The system status page: the overall state, the alerts that are not resolved (acknowledge, resolve), every
 * component by kind with what was seen, the API's rate limits with what the workspace has left this minute, and the
 * alerts of the past, a page at a time.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SystemStatusPagesController {

    static final String PATH = "/settings/system";

    private final SystemHealth health;
    private final SystemAlerts alerts;
    private final RateLimits rateLimits;

    SystemStatusPagesController(SystemHealth health, SystemAlerts alerts, RateLimits rateLimits) {
        this.health = health;
        this.alerts = alerts;
        this.rateLimits = rateLimits;
    }

    @Bean
    static NavItem systemStatusNavItem() {
        return new NavItem("System status", PATH, "pulse", 935, Role.ADMIN, NavGroup.SETTINGS,
                "How Flightdeck is doing: the database, storage, search, mail, job queues and your connected "
                        + "accounts and providers; alerts and the rules that raise them.");
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) Integer page, Model model) {
        SystemHealth.Report report = health.report();
        Map<String, List<ComponentHealth>> byKind = new LinkedHashMap<>();
        report.components().forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new java.util.ArrayList<>()).add(c));
        model.addAttribute("report", report);
        model.addAttribute("byKind", byKind);
        model.addAttribute("unresolved", alerts.page(EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
                PageRequest.of(0, 50)).getContent());
        model.addAttribute("past", alerts.page(EnumSet.of(AlertStatus.RESOLVED),
                Paging.of(page, Paging.DEFAULT_SIZE, Sort.unsorted())));
        model.addAttribute("quotas", rateLimits.quotas(TenantScope.require()));
        return "ops/system";
    }

    @PostMapping(PATH + "/check")
    String checkNow(RedirectAttributes redirect) {
        SystemHealth.Report report = health.checkNow();
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Checked just now: " + report.state().label() + "."));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/alerts/{id}/{action:acknowledge|resolve}")
    String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            if (action.equals("acknowledge")) {
                alerts.acknowledge(id);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Acknowledged: the other admins see you are on "
                        + "it. It resolves itself when its condition clears."));
            } else {
                alerts.resolve(id);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Resolved. Should its condition still hold, a new "
                        + "alert opens once the rule's wait has passed again."));
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:" + PATH;
    }
}
