package io.flightdeck.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
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
 * In Chromium at a phone's width, a manager ticks every campaign on the campaigns list, tags them all from the bulk
 * bar, sees each result, and undoes it: the campaigns have no tag again. Nothing sticks out sideways and axe finds no
 * serious fault with the bar open and with the results.
 */
@BrowserTest
class CampaignBulkBrowserTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    @Test
    void campaignsAreTaggedInBulkAndTheUndoTakesTheTagOff(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Campaign bulk in a browser");
        String first = campaigns.create(owner, "Harbour festival");
        String second = campaigns.create(owner, "Harbour regatta");

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/campaigns?q=Harbour"));
        Locator bar = page.locator("#bulk-bar");
        assertThat(bar).isHidden();
        page.getByLabel("Select every campaign on this page").check();
        assertThat(bar).isVisible();
        assertThat(bar).containsText("2 selected");
        bar.getByLabel("Action").selectOption("tag");
        bar.locator("[data-bulk-param=tag] input").fill("autumn");
        check(page, "the bulk bar open");

        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();
        Locator progress = page.locator("#bulk-progress");
        assertThat(progress).containsText("2 of 2 done", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(progress).containsText("2 succeeded");
        assertThat(progress.locator("[data-bulk-item=SUCCEEDED]")).hasCount(2);
        assertThat(tags(owner, first)).containsExactly("autumn");
        check(page, "the results");

        progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(progress).containsText("2 undone", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        page.screenshot(ui.screenshot("phone-campaign-bulk-undone"));
        assertThat(tags(owner, first)).isEmpty();
        assertThat(tags(owner, second)).isEmpty();
        check(page, "after the undo");
    }

    private List<String> tags(Member owner, String campaign) {
        return Json.read(api.as(owner).get("/api/v1/campaigns/" + campaign), "$.tags");
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
