package io.flightdeck.rendering.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering in Chromium: from the creative editor's Render card a video renders while its progress bar moves without
 * a reload, and when it is done the editor's video is the new one; an image render lands in place too; the monitor
 * lists the jobs and a job's page shows the gallery; on a phone they fit.
 */
@BrowserTest
class RenderBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void aRenderStartedInTheEditorShowsLiveProgressAndLandsInPlace(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Render browser");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring coffees");
        String creative = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Spring teaser","topic":"our spring roast","channels":["INSTAGRAM"],
                 "mode":"MANUAL","texts":{"HEADLINE":"Spring roast is back","CTA":"Order now"}}""".formatted(campaign)),
                "$.id");
        ui.signIn(page, owner);
        page.navigate(ui.url("/creatives/" + creative));
        Locator card = page.locator(".render-panel");
        assertThat(card.getByText("No renders of this creative yet.")).isVisible();

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Render video")).click();
        Locator row = page.locator(".render-recent li").first();
        assertThat(row.locator("[data-field=status]")).containsText("Rendering",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        // the bar moves while the page stays as it is: the numbers come over server-sent events
        Locator bar = row.locator("progress");
        page.waitForCondition(() -> {
            Object v = bar.evaluate("b => b.value");
            return v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 100;
        }, new Page.WaitForConditionOptions().setTimeout(60_000));
        assertThat(row.locator("[data-field=progress]")).containsText("%");

        assertThat(page.locator(".render-recent li").first().locator("[data-field=status]")).containsText("Done",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        // the editor's video is the rendered one, without a reload
        assertThat(page.locator("#videoAssetId option:checked")).containsText("slideshow-720x720.mp4",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));

        page.locator(".render-panel").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Render image")).click();
        assertThat(page.locator("#imageAssetId option:checked")).containsText("bold-headline-1080x1080.png",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        page.screenshot(ui.screenshot("render-editor"));

        page.navigate(ui.url("/render-jobs"));
        assertThat(page.locator("table.render-jobs tbody tr")).hasCount(2);
        assertThat(page.locator("table.render-jobs [data-field=status]").first()).containsText("Done");
        page.screenshot(ui.screenshot("render-monitor"));
        page.locator("table.render-jobs a.link").filter(new Locator.FilterOptions().setHasText("Image")).click();
        assertThat(page.locator(".render-gallery img")).hasCount(4);
        assertThat(page.locator(".render-gallery figcaption").first()).hasText("1080×1080");

        page.setViewportSize(390, 844);
        for (String path : new String[] {"/render-jobs", "/creatives/" + creative}) {
            page.navigate(ui.url(path));
            page.waitForLoadState();
            assertThat(PageChecks.overflow(page)).as(path).isNull();
        }
    }

    @Test
    void aJobStartedElsewhereShowsUpOnTheOpenMonitor(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Render monitor");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Autumn");
        String creative = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Autumn","topic":"autumn","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Autumn blend","CTA":"Order now"}}""".formatted(campaign)), "$.id");
        String first = Json.read(api.as(owner).post("/api/v1/render-jobs", """
                {"creativeId":"%s","type":"IMAGE","submit":false}""".formatted(creative)), "$.id");
        ui.signIn(page, owner);
        page.navigate(ui.url("/render-jobs"));
        Locator row = page.locator("tr[data-job-id='" + first + "']");
        assertThat(row.locator("[data-field=status]")).hasText("Not submitted");

        assertThat(api.as(owner).post("/api/v1/render-jobs/" + first + "/submit")).hasStatusOk();
        assertThat(row.locator("[data-field=status]")).hasText("Done",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        api.as(owner).post("/api/v1/render-jobs", """
                {"creativeId":"%s","type":"IMAGE","submit":false}""".formatted(creative));
        assertThat(page.getByText("New jobs arrived.")).isVisible();
    }
}
