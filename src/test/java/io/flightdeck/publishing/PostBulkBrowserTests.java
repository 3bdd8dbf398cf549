package io.flightdeck.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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

/**
 * In Chromium at a phone's width, the owner ticks a post in the campaign's Social posts panel (loaded by htmx), moves
 * it a day later from the bulk bar and undoes it: the post is back at its time, and nothing sticks out sideways.
 */
@BrowserTest
class PostBulkBrowserTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aPostIsRescheduledFromThePanelAndTheUndoPutsItBack(WebUi ui, BrowserContext context) {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        Member owner = workspaces.withoutApprovals("Bulk posts in a browser");
        String campaign = requests.campaign(owner, "Harbour posts");
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"LinkedIn (sandbox)","channel":"LINKEDIN","timeZone":"UTC","settings":{"mode":"NORMAL"}}"""),
                "$.id");
        Instant at = Instant.parse("2031-05-05T09:00:00Z");
        String channelPost = Json.read(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Harbour festival opens","at":"%s"}"""
                .formatted(campaign, account, at)), "$.channels[0].id");

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/posts"));
        Locator bar = page.locator("#bulk-bar");
        page.getByLabel("Select the post on LinkedIn (sandbox) (LinkedIn)").check();
        assertThat(bar).isVisible();
        assertThat(bar).containsText("1 selected");
        bar.getByLabel("Shift by days").fill("1");
        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();
        Locator progress = page.locator("#bulk-progress");
        assertThat(progress).containsText("1 succeeded", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(scheduledAt(owner, channelPost)).isEqualTo(Instant.parse("2031-05-06T09:00:00Z"));
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as("the results at 390 px").isNull();

        progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(progress).containsText("1 undone", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        page.screenshot(ui.screenshot("phone-bulk-posts-undone"));
        assertThat(scheduledAt(owner, channelPost)).isEqualTo(at);
    }

    private Instant scheduledAt(Member owner, String channelPost) {
        return Instant.parse(Json.read(api.as(owner).get("/api/v1/social/channel-posts/" + channelPost), "$.scheduledAt"));
    }
}
