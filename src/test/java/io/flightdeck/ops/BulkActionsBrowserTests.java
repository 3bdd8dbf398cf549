package io.flightdeck.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium at a phone's width, a manager ticks every task on a campaign's task list, assigns them all to Ann from
 * the bulk bar, watches the results come in, and undoes it: the tasks have nobody again. Nothing sticks out sideways
 * and axe finds no serious fault with the bar open and with the results.
 */
@BrowserTest
class BulkActionsBrowserTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void tasksAreAssignedInBulkAndTheUndoPutsThemBack(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Bulk in a browser");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Harbour festival");
        String first = task(owner, campaign, "Book the stage");
        String second = task(owner, campaign, "Print the posters");

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/campaigns/" + campaign + "/tasks"));
        Locator bar = page.locator("#bulk-bar");
        assertThat(bar).isHidden();
        page.getByLabel("Select every task on this page").check();
        assertThat(bar).isVisible();
        assertThat(bar).containsText("2 selected");
        bar.getByLabel("Action").selectOption("assign");
        bar.getByLabel("Assignee").selectOption(ann.userId().toString());
        check(page, "the bulk bar open");

        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();
        Locator progress = page.locator("#bulk-progress");
        assertThat(progress).containsText("2 of 2 done", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(30_000));
        assertThat(progress).containsText("2 succeeded");
        assertThat(progress.locator("[data-bulk-item=SUCCEEDED]")).hasCount(2);
        assertThat(assignee(owner, first)).isEqualTo(ann.userId().toString());
        check(page, "the results");

        progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(progress).containsText("2 undone", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(30_000));
        assertThat(progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).hasCount(0);
        page.screenshot(ui.screenshot("phone-bulk-undone"));
        assertThat(assignee(owner, first)).isNull();
        assertThat(assignee(owner, second)).isNull();
        check(page, "after the undo");
    }

    @Test
    void allThatMatchASearchAreChangedFromTheResults(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Bulk from a search");
        String campaign = campaigns.create(owner, "Quay days");
        String first = task(owner, campaign, "Gannet banner");
        String second = task(owner, campaign, "Gannet leaflet");
        String other = task(owner, campaign, "Harbour map");

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/search?q=gannet&type=task"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change all that match")).click();
        assertThat(page.locator("h1")).hasText("Change all 2 tasks that match");
        check(page, "the form for all that match");
        Locator status = page.locator("form").filter(new Locator.FilterOptions().setHasText("Change status"));
        status.getByLabel("Status").selectOption("in_progress");
        status.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change status: all 2")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/bulk/[0-9a-f-]{36}$"));
        assertThat(page.locator("#bulk-progress")).containsText("2 succeeded", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(status(owner, first)).isEqualTo("IN_PROGRESS");
        assertThat(status(owner, second)).isEqualTo("IN_PROGRESS");
        assertThat(status(owner, other)).isEqualTo("TODO");
    }

    private String status(Member owner, String task) {
        return Json.read(api.as(owner).get("/api/v1/tasks/" + task), "$.status");
    }

    private String task(Member owner, String campaign, String title) {
        return Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title)), "$.id");
    }

    private String assignee(Member owner, String task) {
        return Json.read(api.as(owner).get("/api/v1/tasks/" + task), "$.assigneeId");
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
