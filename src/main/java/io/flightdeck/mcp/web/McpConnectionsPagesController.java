package io.flightdeck.mcp.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.mcp.client.McpConnectionView;
import io.flightdeck.mcp.client.McpConnections;
import io.flightdeck.mcp.client.McpHealthWatch;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.flightdeck.shared.web.Htmx;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outside MCP servers Flightdeck connects to, for admins: each with its health, its last error, when the watch
 * checks it next and the tools it listed, a "Check now" per server, and a form that adds one. The list reloads itself
 * every minute, so an open page shows what the automatic checks found. The secret is typed once and never shown again.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class McpConnectionsPagesController {

    static final String PATH = "/settings/mcp-connections";

    private final McpConnections connections;
    private final McpHealthWatch watch;
    private final Clock clock;

    McpConnectionsPagesController(McpConnections connections, McpHealthWatch watch, Clock clock) {
        this.connections = connections;
        this.watch = watch;
        this.clock = clock;
    }

    @Bean
    static NavItem mcpConnectionsNavItem() {
        return new NavItem("MCP servers", PATH, "share", 916, Role.ADMIN, NavGroup.SETTINGS,
                "Connect other MCP servers to Flightdeck with their secret, check them and see the tools they offer.");
    }

    /** The page, or on an htmx request (the list reloading itself) the list alone. */
    @GetMapping(PATH)
    String list(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
        listPage(page, model, new Form("", ""), Map.of());
        return Htmx.view(request, "mcp/connections", "list");
    }

    /** The secret is never put back into the page, even when the form comes back with errors: it is typed again. */
    @PostMapping(PATH)
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Form form = new Form(name, url);
        Map<String, String> errors = form.check();
        if (errors.isEmpty()) {
            try {
                McpConnectionView added = connections.add(name, url, secret);
                redirect.addFlashAttribute(Flash.KEY, Flash.success(added.name() + " added. Check it to see whether "
                        + "Flightdeck reaches it and which tools it offers."));
                return "redirect:" + PATH;
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return listPage(null, model, form, errors);
    }

    @PostMapping(PATH + "/{id}/check")
    String check(@PathVariable UUID id, RedirectAttributes redirect) {
        McpConnectionView checked = connections.check(id);
        redirect.addFlashAttribute(Flash.KEY, checked.health() == McpConnectionView.McpHealth.HEALTHY
                ? Flash.success(checked.name() + " answered: " + checked.tools().size()
                        + (checked.tools().size() == 1 ? " tool." : " tools."))
                : Flash.error(checked.name() + " could not be reached: " + checked.lastError()));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{id}/delete")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = connections.get(id).name();
        connections.remove(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success(name + " removed"));
        return "redirect:" + PATH;
    }

    private String listPage(Integer page, Model model, Form form, Map<String, String> errors) {
        Page<McpConnectionView> listed = connections.list(Paging.of(page, Paging.DEFAULT_SIZE,
                Sort.by("createdAt", "id")));
        // null where the check is already due: the page says "due now" rather than a time gone by
        Map<UUID, Instant> nextChecks = new HashMap<>();
        Instant now = clock.instant();
        listed.forEach(c -> nextChecks.put(c.id(), watch.nextCheck(c).isAfter(now) ? watch.nextCheck(c) : null));
        model.addAttribute("connections", listed);
        model.addAttribute("nextChecks", nextChecks);
        model.addAttribute("checkedEvery", every(watch.interval()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "mcp/connections";
    }

    /** "every 15 minutes", "every hour", "every 2 hours" (seconds left out: the watch looks once a minute). */
    static String every(Duration interval) {
        long minutes = interval.toMinutes();
        if (minutes % 60 == 0) {
            return minutes == 60 ? "every hour" : "every " + minutes / 60 + " hours";
        }
        return minutes == 1 ? "every minute" : "every " + minutes + " minutes";
    }

    /** What the admin typed, kept when the page comes back with errors (the secret excepted). */
    public record Form(String name, String url) {

        Map<String, String> check() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (name.isBlank()) {
                errors.put("name", "Give the server a name, such as Marketing agent");
            }
            if (url.isBlank()) {
                errors.put("url", "Give the server's address, such as https://mcp.example.com/mcp");
            }
            return errors;
        }
    }
}
