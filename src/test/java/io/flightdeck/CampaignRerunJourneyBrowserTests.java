package io.flightdeck;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 48's journey in one browser: a team runs last quarter's launch again. Find it by typing in the search box,
 * make a template of it, start next quarter's campaign from the template, assign all its tasks at once from the bulk
 * bar, and undo that.
 */
@BrowserTest
class CampaignRerunJourneyBrowserTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void lastQuartersLaunchIsFoundTemplatedStartedAgainAndItsTasksAssignedInBulkThenUndone(WebUi ui,
            BrowserContext context) {
        Member owner = workspaces.workspace("Rerun a launch");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String spring = campaigns.create(owner, "Kestrel spring launch");
        for (String title : List.of("Brief the agency", "Book the venue", "Send the invitations")) {
            api.as(owner).post("/api/v1/campaigns/" + spring + "/tasks", Map.of("title", title));
        }

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.navigate(ui.url("/"));
        page.waitForLoadState();
        page.keyboard().press("/");
        page.keyboard().type("kestrel launch");
        page.keyboard().press("Enter");
        Locator hit = page.locator(".search-hit").filter(new Locator.FilterOptions().setHasText("Kestrel spring launch"))
                .getByRole(AriaRole.LINK).first();
        assertThat(hit).isVisible();
        hit.click();
        assertThat(page).hasURL(Pattern.compile(".*/campaigns/" + spring + "$"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Save as template")).click();
        page.getByLabel("Template name").fill("Kestrel launch playbook");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
        assertThat(page).hasURL(Pattern.compile(".*/templates/[0-9a-f-]{36}$"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a campaign")).click();
        page.getByLabel("Name of the new campaign").fill("Kestrel summer launch");
        page.getByLabel("Start date").fill(LocalDate.now().plusMonths(3).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the campaign")).click();
        assertThat(page).hasURL(Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
        String summer = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(summer).isNotEqualTo(spring);
        List<String> tasks = Json.read(api.as(owner).get("/api/v1/campaigns/" + summer + "/tasks?size=100"),
                "$.items[?(@.kind == 'TASK')].id");
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(3);

        page.setViewportSize(390, 844);
        page.navigate(ui.url("/campaigns/" + summer + "/tasks"));
        page.getByLabel("Select every task on this page").check();
        Locator bar = page.locator("#bulk-bar");
        bar.getByLabel("Action").selectOption("assign");
        bar.getByLabel("Assignee").selectOption(ann.userId().toString());
        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();
        Locator progress = page.locator("#bulk-progress");
        LocatorAssertions.ContainsTextOptions patiently = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
        assertThat(progress).containsText("0 failed", patiently);
        assertThat(progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).isVisible();
        tasks.forEach(task -> assertThat(assignee(owner, task)).isEqualTo(ann.userId().toString()));
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as("the bulk results at 390 px").isNull();

        progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(progress).containsText("undone", patiently);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.stream().allMatch(task -> assignee(owner, task) == null));
        page.screenshot(ui.screenshot("journey-rerun-undone"));
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaigns/" + spring + "/tasks?size=100"),
                "$.items[?(@.kind == 'TASK')].assigneeId")).as("last quarter's tasks untouched").containsOnlyNulls();
    }

    private String assignee(Member owner, String task) {
        return Json.read(api.as(owner).get("/api/v1/tasks/" + task), "$.assigneeId");
    }
}
