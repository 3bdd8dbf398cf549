package io.flightdeck.mcp;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Effect;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AI assistants page in Chromium: an owner goes from Settings to AI assistants, makes a key there for planning
 * only and only reading, copies the secret the API keys page shows once, and an assistant connecting with it (the
 * official Java SDK's client) sees planning's reading tools and nothing else; what it called, and what it was refused,
 * is then listed on the page. Both pages pass axe and do not scroll sideways at 390 px.
 */
@BrowserTest
class AssistantsJourneyBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    List<AssistantTool> tools;

    @Test
    void anOwnerMakesAPlanningReadOnlyKeyOnThePageAndItsAssistantSeesOnlyPlanningsReadingTools(WebUi ui) {
        Member owner = workspaces.workspace("Assistants journey");
        BrowserContext context = ui.newContext();
        PageChecks.install(context);
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(ui.url("")));
        Page page = context.newPage();
        ui.signIn(page, owner);

        // Settings → AI assistants
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        assertThat(page).hasURL(ui.url("/settings"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("AI assistants").setExact(true)).click();
        assertThat(page).hasURL(ui.url("/settings/assistants"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("AI assistants");
        assertThat(page.locator("#mcp-url")).hasText(ui.url("/mcp"));
        assertThat(page.getByText("No calls yet")).isVisible();

        // the key: planning only, reading only
        Locator form = page.locator("form").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key"))));
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Planning helper");
        for (Toolset toolset : Toolset.values()) {
            Locator box = form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions()
                    .setName(label(toolset)).setExact(true));
            assertThat(box).isChecked();
            if (toolset != Toolset.PLANNING) {
                box.uncheck();
            }
        }
        Locator readOnly = form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions()
                .setName("Only read: the assistant changes nothing"));
        readOnly.check();
        assertThat(readOnly).isChecked();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create key")).click();

        // the API keys page shows the secret once; the Copy button puts it on the clipboard
        assertThat(page).hasURL(ui.url("/settings/api-keys"));
        Locator shown = page.locator("#new-secret");
        assertThat(shown).containsText("Copy the key Planning helper now");
        shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")).click();
        assertThat(shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copied"))).isVisible();
        String secret = (String) page.evaluate("() => navigator.clipboard.readText()");
        assertThat(secret).startsWith("fd_").isEqualTo(page.locator("#new-secret-value").textContent().strip());
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Planning helper"));
        Locator limits = row.locator("td.hide-sm.small");
        assertThat(limits).containsText("Planning");
        assertThat(limits).not().containsText("Campaigns");
        assertThat(limits.locator(".badge")).hasText("Read only");
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/api-keys"),
                "$.items[?(@.name == 'Planning helper')].assistant.toolsets[*]")).containsExactly("PLANNING");
        assertThat((List<Boolean>) Json.read(api.as(owner).get("/api/v1/api-keys"),
                "$.items[?(@.name == 'Planning helper')].assistant.readOnly")).containsExactly(true);
        passesOnAPhone(page, "API keys, a new key's secret shown");

        // an assistant with that key sees planning's reading tools, and nothing that writes or is another area's
        List<String> planningReads = tools.stream()
                .filter(tool -> tool.toolset() == Toolset.PLANNING && tool.effect() == Effect.READS)
                .map(AssistantTool::name).toList();
        assertThat(planningReads).contains("list_tasks", "get_task", "get_timeline", "get_critical_path");
        try (McpSyncClient client = McpClients.connect(port, "Bearer " + secret)) {
            List<McpSchema.Tool> listed = client.listTools().tools();
            assertThat(listed).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(planningReads)
                    .doesNotContain("create_campaign", "generate_timeline", "auto_assign_campaign_tasks",
                            "list_campaigns");
            assertThat(listed).allSatisfy(tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
            CallToolResult tasks = client.callTool(new CallToolRequest("list_tasks", Map.of()));
            assertThat(tasks.isError()).as("%s", tasks.content()).isFalse();
            assertThatThrownBy(() -> client.callTool(new CallToolRequest("create_campaign",
                    Map.of("name", "Sneaky", "type", "OTHER", "dryRun", true))))
                    .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool: create_campaign");
        }
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/campaigns"), "$.total")).isZero();

        // the page's recent calls list both: what it read, and what it was refused
        page.navigate(ui.url("/settings/assistants"));
        Locator calls = page.locator("table tbody tr");
        assertThat(calls).hasCount(2);
        Locator read = calls.filter(new Locator.FilterOptions().setHasText("list_tasks"));
        assertThat(read).containsText("read");
        assertThat(read).containsText("Java SDK MCP Client");
        assertThat(calls.filter(new Locator.FilterOptions().setHasText("create_campaign"))).containsText("refused");
        passesOnAPhone(page, "AI assistants, with recent calls");
    }

    /** A toolset's checkbox label, as the form writes it: "Planning". */
    private static String label(Toolset toolset) {
        String name = toolset.name().toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void passesOnAPhone(Page page, String where) {
        page.setViewportSize(390, 844);
        PageChecks.settle(page);
        assertThat(PageChecks.axeViolations(page)).as("axe on %s", where).isEmpty();
        assertThat(PageChecks.overflow(page)).as("sideways scrolling on %s", where).isNull();
        page.setViewportSize(1280, 800);
    }
}
