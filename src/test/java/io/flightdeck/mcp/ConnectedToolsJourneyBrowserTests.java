package io.flightdeck.mcp;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connected tools in Chromium, against the official reference server {@code @modelcontextprotocol/server-everything}:
 * an admin connects it on Settings → MCP servers and checks it, its tools appear; a manager then calls its
 * {@code echo} tool with the campaign's name from the campaign's Connected tools page, and the answer arrives on the
 * page without a reload. Both pages pass axe and do not scroll sideways at 390 px.
 */
@BrowserTest
class ConnectedToolsJourneyBrowserTests {

    private static final String SECRET = "everything-secret-browser-journey";

    private static ReferenceMcpServer server;

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @BeforeAll
    static void startTheReferenceServer() throws Exception {
        server = ReferenceMcpServer.start(SECRET);
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void anAdminConnectsAServerAndAManagerCallsItsToolWithTheCampaignsData(WebUi ui) {
        Member owner = workspaces.workspace("Connected tools journey");
        String campaign = campaigns.create(owner, "Orchard launch");
        Page admin = ui.signIn(owner);
        PageChecks.install(admin.context());

        // Settings → MCP servers: connect with the secret, then check
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("MCP servers").setExact(true)).click();
        assertThat(admin).hasURL(ui.url("/settings/mcp-connections"));
        assertThat(admin.getByText("No MCP servers connected yet")).isVisible();
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Everything");
        admin.getByLabel("Address").fill(server.url());
        admin.getByLabel("Secret (optional)").fill(SECRET);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect server")).click();
        Locator card = admin.locator(".card").filter(new Locator.FilterOptions().setHas(admin.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Everything"))));
        assertThat(card).containsText("Not checked yet");
        assertThat(card).not().containsText(SECRET);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check now Everything")).click();
        assertThat(card.locator(".badge")).hasText("Healthy", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(card.locator("table")).containsText("echo");
        passesOnAPhone(admin, "MCP servers, one checked");

        // a manager calls echo with the campaign's name, and the answer arrives without a reload
        Page manager = ui.signIn(workspaces.addMember(owner, Role.MANAGER));
        PageChecks.install(manager.context());
        manager.navigate(ui.url("/campaigns/" + campaign + "/tool-calls"));
        assertThat(manager.getByText("No tools called yet")).isVisible();
        Locator tool = manager.locator("#call-target");
        String echo = (String) tool.locator("option").filter(new Locator.FilterOptions().setHasText("echo"))
                .first().getAttribute("value");
        tool.selectOption(echo);
        manager.getByLabel("Arguments (JSON)").fill("{\"message\": \"{{campaign.name}} is ready\"}");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Call tool")).click();
        Locator call = manager.locator("#tool-calls .card").first();
        assertThat(call).containsText("echo");
        assertThat(call.locator(".badge")).hasText("Done", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(call).containsText("Echo: Orchard launch is ready");
        assertThat(server.toolCallKeys()).hasSize(1);
        passesOnAPhone(manager, "Connected tools, one call answered");
    }

    private static void passesOnAPhone(Page page, String where) {
        page.setViewportSize(390, 844);
        PageChecks.settle(page);
        assertThat(PageChecks.axeViolations(page)).as("axe on %s", where).isEmpty();
        assertThat(PageChecks.overflow(page)).as("sideways scrolling on %s", where).isNull();
        page.setViewportSize(1280, 800);
    }
}
