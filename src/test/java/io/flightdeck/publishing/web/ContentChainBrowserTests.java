package io.flightdeck.publishing.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.publishing.channels.SandboxFeed;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content chain in a browser, with a manager, an approver and an admin: a creative rendered and scheduled from the
 * composer, the approver seeing the post with its media and approving it, the post going out with exactly the approved
 * copy and the rendered size that suits the network, its state changing on the manager's open campaign page without a
 * reload; a new creative version after approval holding only the post that carries it; a post added after approval
 * waiting alone.
 */
@BrowserTest
class ContentChainBrowserTests {

    private static final LocatorAssertions.ContainsTextOptions LONG =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    SandboxFeed sandbox;

    @Test
    void whatGoesOutIsWhatWasApproved(WebUi ui, Page page) {
        Member admin = workspaces.workspace("Content chain");
        Member manager = workspaces.addMember(admin, Role.MANAGER);
        Member approver = workspaces.addMember(admin, Role.APPROVER);
        for (String scope : List.of("strategy", "ads")) {
            api.as(admin).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}");
        }
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(manager, "Spring roast");
        requests.makeReady(admin, campaign);
        requests.initialized(manager, campaign);
        // the admin connects the account
        String x = Json.read(api.as(admin).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        String linkedIn = Json.read(api.as(admin).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on LinkedIn\",\"channel\":\"LINKEDIN\",\"timeZone\":\"UTC\"}"), "$.id");
        String creative = Json.read(api.as(manager).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Spring teaser","channels":["TWITTER"],"mode":"MANUAL",
                 "texts":{"CAPTION":"Our spring roast is back.","HEADLINE":"Spring roast","CTA":"Order now"}}"""
                .formatted(campaign)), "$.id");

        // the manager renders the creative's image and schedules it from the composer
        ui.signIn(page, manager);
        page.navigate(ui.url("/creatives/" + creative));
        page.locator(".render-panel").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Render image"))
                .click();
        assertThat(page.locator(".render-recent li").first().locator("[data-field=status]")).containsText("Done", LONG);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedule posts of Spring teaser")).click();
        assertThat(page.locator("h1")).hasText("Schedule “Spring teaser”");
        Locator preview = page.locator("#preview-text_TWITTER");
        assertThat(preview).containsText("Our spring roast is back.");
        assertThat(preview).not().containsText("Order now");
        // the rendered size that suits X is attached (its thumbnail may still be in the making)
        assertThat(preview.locator(".network-media-item")).hasCount(1);
        page.getByLabel("Roastery on X (X (Twitter))").check();
        page.getByLabel("Post now").check();
        page.screenshot(ui.screenshot("journey-composer"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
        page.waitForURL("**/campaigns/" + campaign + "/tabs/posts**");
        Locator card = page.locator(".social-panel");
        assertThat(card.locator("[data-field=post-status]").first()).containsText("Waiting", LONG);

        // an external reviewer, without an account, sees the same pictures through signed, short-lived links
        String reviewUrl = Json.read(api.as(manager).post("/api/v1/approvals/" + requests.scopeId(admin, campaign, "content")
                + "/reviewer-links", "{\"name\":\"Lee Client\",\"email\":\"lee@client.example\",\"canApprove\":false}"),
                "$.url");
        BrowserContext outside = ui.newContext();
        Page visitor = outside.newPage();
        String reviewPath = ui.url(reviewUrl.substring(reviewUrl.indexOf("/review/")));
        visitor.navigate(reviewPath);
        Locator picture = visitor.locator(".approval-subject .network-media-item img");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (picture.count() == 0) {
                visitor.navigate(reviewPath); // the thumbnail may still be in the making
                return false;
            }
            return ((Number) picture.first().evaluate("img => img.complete ? img.naturalWidth : 0")).intValue() > 0;
        });
        assertThat(picture.first()).hasAttribute("src", java.util.regex.Pattern.compile("/files/"));
        outside.close();

        // the approver sees the post with its media, and approves what goes out
        BrowserContext second = ui.newContext();
        Page approverPage = second.newPage();
        ui.signIn(approverPage, approver);
        approverPage.navigate(ui.url("/approvals/" + requests.scopeId(admin, campaign, "content")));
        assertThat(approverPage.locator(".approval-subject")).containsText("Our spring roast is back.");
        assertThat(approverPage.locator(".approval-subject .network-media-item").first()).isVisible();
        approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        approverPage.navigate(ui.url("/approvals/" + requests.scopeId(admin, campaign, "schedule")));
        assertThat(approverPage.locator(".post-review")).containsText("Roastery on X");
        assertThat(approverPage.locator(".post-review .network-media-item").first()).isVisible();
        approverPage.screenshot(ui.screenshot("journey-schedule-approval"));
        approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        second.close();

        // a new version of the creative after approval: the post scheduled before carries the approved version
        page.navigate(ui.url("/creatives/" + creative));
        page.getByLabel("Caption", new Page.GetByLabelOptions().setExact(true))
                .fill("Our spring roast is back, now with oat milk.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator(".toast").first()).containsText("Saved: Caption");
        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/posts"));

        // launched: the post goes out and the manager's open page shows it without a reload
        assertThat(requests.launch(admin, campaign, null).getResponse().getStatus()).isEqualTo(200);
        assertThat(card.locator("[data-field=post-status]").first()).containsText("Published", LONG);
        page.screenshot(ui.screenshot("journey-published"));

        String post = Json.read(api.as(admin).get("/api/v1/social/queue/" + campaign), "$.items[0].id");
        String sandboxPostId = Json.read(api.as(admin).get("/api/v1/social/posts/" + post), "$.channels[0].externalId");
        var received = TenantScope.call(admin.workspaceId(), () -> sandbox.get(UUID.fromString(sandboxPostId)));
        assertThat(received.text()).isEqualTo("Our spring roast is back.");
        String wide = Json.<List<String>>read(api.as(admin).get("/api/v1/render-jobs?creativeId=" + creative),
                "$.items[0].outputs.variants[?(@.label == '1200×628')].assetId").get(0);
        assertThat(received.mediaAssetIds()).containsExactly(UUID.fromString(wide));

        // a post carrying the new version waits for its own content approval; the published one is untouched
        page.navigate(ui.url("/campaigns/" + campaign + "/compose?creative=" + creative));
        assertThat(page.locator("#preview-text_TWITTER")).containsText("now with oat milk");
        page.getByLabel("Roastery on X (X (Twitter))").check();
        page.getByLabel("Add to the queue").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
        page.waitForURL("**/campaigns/" + campaign + "/tabs/posts**");
        assertThat(card).containsText("now with oat milk");
        // queued for its next best time: the manager asks for it now, and is told what it waits for (seen: it said
        // "Publishing now." and left it waiting)
        card.locator(".channel-post").filter(new Locator.FilterOptions().setHasText("now with oat milk"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish now")).click();
        assertThat(page.locator("#toasts")).containsText("It cannot go now", LONG);
        assertThat(page.locator("#toasts")).containsText("content approval");
        page.navigate(ui.url("/campaigns/" + campaign + "/tabs/posts"));
        assertThat(card.locator("[data-field=post-status]").filter(new Locator.FilterOptions().setHasText("Published")))
                .hasCount(1);

        // a post added after approval waits alone, its blocker named on the card
        api.as(manager).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"50%% off everything, today only!","at":"%s"}"""
                .formatted(campaign, linkedIn, java.time.Instant.now().plusSeconds(2)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> card.textContent().contains("waits for schedule approval"));
        assertThat(card).containsText("50% off everything, today only!");
        page.screenshot(ui.screenshot("journey-late-post-waits"));
    }
}
