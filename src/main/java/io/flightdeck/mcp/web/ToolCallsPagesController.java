package io.flightdeck.mcp.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignPanel;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTab;
import io.flightdeck.mcp.client.CampaignToolCalls;
import io.flightdeck.mcp.client.McpConnectionView;
import io.flightdeck.mcp.client.McpConnections;
import io.flightdeck.mcp.client.ToolCallView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
 * A campaign's calls of connected MCP servers' tools: the list (which refreshes itself while a call is out), each with
 * its arguments as sent and the answer, "Make again" for a failed call or one in doubt, and a form for managers that
 * picks a tool and writes its arguments with the campaign's fields. A card on the campaign's activity tab shows the
 * latest.
 */
@Controller
class ToolCallsPagesController {

    private final CampaignToolCalls calls;
    private final McpConnections connections;
    private final CampaignDirectory campaigns;

    ToolCallsPagesController(CampaignToolCalls calls, McpConnections connections, CampaignDirectory campaigns) {
        this.calls = calls;
        this.connections = connections;
        this.campaigns = campaigns;
    }

    @Bean
    static CampaignPanel toolCallsPanel() {
        return new CampaignPanel("tool-calls", CampaignTab.ACTIVITY, "Connected tools", "/campaigns/{id}/tool-calls/panel", 60);
    }

    @GetMapping("/campaigns/{id}/tool-calls")
    String page(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        return page(id, page, model, new Form("", "{\n  \"message\": \"{{campaign.name}}\"\n}"), Map.of());
    }

    /** The list alone, for the page's refresh while a call is out. */
    @GetMapping("/campaigns/{id}/tool-calls/list")
    String list(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        addCalls(id, page, model);
        model.addAttribute("campaign", campaign(id));
        return "mcp/tool-calls :: list";
    }

    @GetMapping("/campaigns/{id}/tool-calls/panel")
    String panel(@PathVariable UUID id, Model model) {
        model.addAttribute("campaign", campaign(id));
        model.addAttribute("calls", calls.list(id, PageRequest.of(0, 3, newestFirst())));
        return "mcp/tool-calls :: panel";
    }

    @PostMapping("/campaigns/{id}/tool-calls")
    @PreAuthorize("hasRole('MANAGER')")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String arguments, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Form form = new Form(target, arguments);
        Map<String, String> errors = new LinkedHashMap<>();
        int split = target.indexOf(' ');
        UUID connectionId = null;
        try {
            connectionId = split < 0 ? null : UUID.fromString(target.substring(0, split));
        } catch (IllegalArgumentException e) {
            connectionId = null;
        }
        if (connectionId == null) {
            errors.put("target", "Choose a tool of a connected server");
        }
        Map<String, Object> parsed = null;
        try {
            parsed = arguments.isBlank() ? Map.of() : McpJsonDefaults.getMapper().readValue(arguments,
                    new TypeRef<Map<String, Object>>() {
                    });
        } catch (java.io.IOException | RuntimeException e) {
            errors.put("arguments", "Write the arguments as a JSON object, such as {\"message\": \"{{campaign.name}}\"}");
        }
        if (errors.isEmpty()) {
            try {
                ToolCallView call = calls.request(id, connectionId, target.substring(split + 1), parsed);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Calling " + call.tool() + " on "
                        + call.connectionName() + ". Its answer appears below."));
                return "redirect:/campaigns/" + id + "/tool-calls";
            } catch (InvalidInputException e) {
                FormErrors.of(e).forEach((field, message) -> errors.put(
                        field.equals("connectionId") || field.equals("tool") ? "target" : field, message));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(id, null, model, form, errors);
    }

    @PostMapping("/tool-calls/{id}/again")
    @PreAuthorize("hasRole('MANAGER')")
    String again(@PathVariable UUID id, RedirectAttributes redirect) {
        ToolCallView call = calls.again(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Calling " + call.tool() + " again."));
        return "redirect:/campaigns/" + call.campaignId() + "/tool-calls";
    }

    private String page(UUID id, Integer page, Model model, Form form, Map<String, String> errors) {
        CampaignSnapshot campaign = campaign(id);
        model.addAttribute("campaign", campaign);
        addCalls(id, page, model);
        boolean manager = CurrentActor.require().role().includes(Role.MANAGER);
        model.addAttribute("canCall", manager);
        // every server with the tools its last check listed: few per workspace, so one page of them is all of them
        model.addAttribute("connections", manager ? connections.list(PageRequest.of(0, 100, Sort.by("name", "id")))
                .getContent().stream().filter(c -> !c.tools().isEmpty()).toList() : java.util.List.<McpConnectionView>of());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "mcp/tool-calls";
    }

    private void addCalls(UUID id, Integer page, Model model) {
        Page<ToolCallView> listed = calls.list(id, Paging.of(page, Paging.DEFAULT_SIZE, newestFirst()));
        model.addAttribute("calls", listed);
        model.addAttribute("live", listed.getContent().stream().anyMatch(c -> switch (c.state()) {
            case WAITING, CALLING, RETRYING -> true;
            default -> false;
        }));
    }

    private CampaignSnapshot campaign(UUID id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    private static Sort newestFirst() {
        return Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    }

    /** What the manager typed, kept when the page comes back with errors. */
    public record Form(String target, String arguments) {
    }
}
