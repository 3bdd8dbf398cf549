package io.flightdeck.mcp.web;

import java.util.List;

import io.flightdeck.mcp.calls.AssistantCalls;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavGroup;
import io.flightdeck.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How to connect an AI assistant (the server's address and each common client's configuration), a short form that
 * makes a key for one (handled by the API keys page, which shows the secret once), and the calls assistants made.
 */
@Controller
class AssistantsPagesController {

    static final String PATH = "/settings/assistants";

    private final AssistantCalls calls;
    private final PublicUrls urls;

    AssistantsPagesController(AssistantCalls calls, PublicUrls urls) {
        this.calls = calls;
        this.urls = urls;
    }

    /** One client's configuration, with the key left for the person to paste. */
    record Snippet(String client, String where, String text) {

        private static final String KEY = "Bearer fd_…your key…";

        static List<Snippet> all(String server) {
            return List.of(
                    new Snippet("Claude Code", null, "claude mcp add --transport http flightdeck " + server
                            + " --header \"Authorization: " + KEY + "\""),
                    new Snippet("Cursor", "In ~/.cursor/mcp.json, or the project's .cursor/mcp.json:", """
                            {"mcpServers": {"flightdeck": {"url": "%s",
                              "headers": {"Authorization": "%s"}}}}""".formatted(server, KEY)),
                    new Snippet("Claude Desktop", "In claude_desktop_config.json, through the mcp-remote bridge "
                            + "(needs Node.js):", """
                            {"mcpServers": {"flightdeck": {"command": "npx",
                              "args": ["mcp-remote", "%s", "--header", "Authorization:${AUTH}"],
                              "env": {"AUTH": "%s"}}}}""".formatted(server, KEY)),
                    new Snippet("VS Code and other clients", "In .vscode/mcp.json, or the client's own list of "
                            + "servers:", """
                            {"servers": {"flightdeck": {"type": "http", "url": "%s",
                              "headers": {"Authorization": "%s"}}}}""".formatted(server, KEY)));
        }
    }

    @Bean
    static NavItem assistantsNavItem() {
        return new NavItem("AI assistants", PATH, "share", 915, Role.VIEWER, NavGroup.SETTINGS,
                "Connect Claude, Cursor or another MCP client to Flightdeck with a key, and see what assistants did.");
    }

    @GetMapping(PATH)
    String page(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) Integer page,
            Model model) {
        boolean admin = CurrentActor.require().role().includes(Role.ADMIN);
        boolean everyone = admin && "all".equals(scope);
        String server = urls.of("/mcp");
        model.addAttribute("serverUrl", server);
        model.addAttribute("snippets", Snippet.all(server));
        model.addAttribute("calls", calls.recent(everyone ? null : CurrentActor.require().userId(),
                Paging.of(page, 25, Sort.unsorted())));
        model.addAttribute("scope", everyone ? "all" : "mine");
        model.addAttribute("isAdmin", admin);
        model.addAttribute("ceilings", CurrentActor.require().role().implied().stream().sorted().toList());
        model.addAttribute("toolsets", Toolset.values());
        return "mcp/assistants";
    }
}
