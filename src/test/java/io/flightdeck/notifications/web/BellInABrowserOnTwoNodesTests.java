package io.flightdeck.notifications.web;

import java.net.http.HttpResponse;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.Chromium;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TwoNodes;
import io.flightdeck.support.TwoNodes.Cluster;
import io.flightdeck.support.TwoNodes.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bell in a real browser, on two nodes: a page open on node B shows a task assigned through node A in its bell's
 * count, without a reload, and opening the notification centre there brings it back to zero. The browser only ever
 * talks to node B; the news crosses by the database's live signals (PostgreSQL's LISTEN/NOTIFY in CI).
 */
@ExtendWith(TwoNodes.class)
class BellInABrowserOnTwoNodesTests {

    private final Cluster nodes;

    BellInABrowserOnTwoNodesTests(Cluster nodes) {
        this.nodes = nodes;
    }

    private static String ok(HttpResponse<String> response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    @Test
    void anAssignmentThroughNodeARaisesTheBellOfAPageOpenOnNodeB() throws Exception {
        assumeTrue(Chromium.installed(), "no Chromium at " + Chromium.PATH);
        Node a = nodes.a();
        Node b = nodes.b();
        String owner = JsonPath.read(ok(a.send("POST", "/api/v1/auth/signup", null, """
                {"workspaceName":"Bell in a browser","displayName":"Olga Owner","email":"%s","password":"%s","timeZone":"UTC"}"""
                .formatted(TestWorkspaces.uniqueEmail("browser-bell-owner"), TestWorkspaces.PASSWORD)), 201), "$.accessToken");
        String annEmail = TestWorkspaces.uniqueEmail("browser-bell-ann");
        String invitation = JsonPath.read(ok(a.send("POST", "/api/v1/invitations", owner,
                "{\"email\":\"%s\",\"role\":\"CONTRIBUTOR\"}".formatted(annEmail)), 201), "$.token");
        String ann = JsonPath.read(ok(a.send("POST", "/api/v1/auth/accept-invitation", null,
                "{\"token\":\"%s\",\"displayName\":\"Ann\",\"password\":\"%s\"}".formatted(invitation, TestWorkspaces.PASSWORD)),
                201), "$.accessToken");
        String annId = JsonPath.read(ok(a.send("GET", "/api/v1/me", ann, null), 200), "$.id");
        String campaign = JsonPath.read(ok(a.send("POST", "/api/v1/campaigns", owner,
                "{\"name\":\"Browser bell\",\"type\":\"OTHER\"}"), 201), "$.id");

        try (Chromium chromium = Chromium.start()) {
            BrowserContext context = chromium.newContext();
            Page page = context.newPage();
            page.navigate(b.url("/login"));
            page.locator("#email").fill(annEmail);
            page.locator("#password").fill(TestWorkspaces.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(b.url("/"));
            Locator bell = page.locator("#topbar-nav-badge-notifications");
            assertThat(bell).hasAttribute("aria-label", "Notifications, 0 new");

            String task = JsonPath.read(ok(a.send("POST", "/api/v1/campaigns/" + campaign + "/tasks", owner,
                    "{\"title\":\"Ring the bell in a browser\"}"), 201), "$.id");
            Instant assigned = Instant.now();
            ok(a.send("PUT", "/api/v1/tasks/" + task + "/assignee", owner, "{\"assigneeId\":\"" + annId + "\"}"), 200);
            assertThat(page.locator("#topbar-nav-badge-notifications")).hasAttribute("aria-label", "Notifications, 1 new",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(5_000));
            // the home page's sections follow the badges in place (seen: only the badges moved)
            assertThat(page.locator(".home-sections")).containsText("Ring the bell in a browser",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
            System.out.println("task assigned through node A to the bell of a page on node B ("
                    + (nodes.onPostgres() ? "PostgreSQL" : "H2") + "): "
                    + java.time.Duration.between(assigned, Instant.now()).toMillis() + " ms, as the browser saw it");

            page.locator("#topbar-nav-badge-notifications").click();
            assertThat(page).hasURL(b.url("/notifications"));
            assertThat(page.locator(".notification")).containsText("Task for you: Ring the bell in a browser");
            assertThat(page.locator("#topbar-nav-badge-notifications")).hasAttribute("aria-label", "Notifications, 0 new");
            context.close();
        }
    }
}
