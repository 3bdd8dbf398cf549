package io.flightdeck;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The README's tour past the strategy, in the browser only: a manager finds that an admin connects channels (and
 * who), the admin connects one, the manager writes and renders a creative, schedules its post from the composer,
 * an approver approves the post as it will go out, and the manager launches with one action and watches the post go
 * out on the Posts tab. Its screenshots are the README's ({@code target/screenshots/tour-*.png}, copied to
 * {@code docs/images/}).
 */
@BrowserTest
class LaunchTourBrowserTests {

    private static final LocatorAssertions.ContainsTextOptions LONG =
            new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void fromCreativeToAPublishedPost(WebUi ui, Page page) {
        Member admin = workspaces.workspace("Launch tour");
        Member manager = workspaces.addMember(admin, Role.MANAGER);
        Member approver = workspaces.addMember(admin, Role.APPROVER);
        ApprovalRequests requests = new ApprovalRequests(mvc);
        requests.rename(admin, "Maya Admin");
        requests.rename(manager, "Leo Manager");
        requests.rename(approver, "Sam Approver");
        for (String scope : List.of("strategy", "ads")) {
            api.as(admin).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}");
        }
        String campaign = requests.campaign(manager, "Spring roast");
        String base = ui.url("/campaigns/" + campaign);

        // 1. the manager cannot connect channels, and is told who can; nor open the workspace's settings
        ui.signIn(page, manager);
        page.navigate(ui.url("/channels"));
        assertThat(page.locator("#who-connects")).containsText("Admins and owners connect, reconnect and disconnect "
                + "accounts: ask Maya Admin.");
        page.navigate(ui.url("/settings"));
        assertThat(page.locator(".settings-areas")).containsText("For admins and owners: ask Maya Admin.");
        page.screenshot(ui.screenshot("tour-settings"));
        page.navigate(ui.url("/settings/workspace"));
        assertThat(page.locator(".who-can")).hasText("This is for admins and owners: ask Maya Admin.");

        // 2. the admin connects a sandbox account for X: posts to it are recorded, not sent
        BrowserContext adminContext = ui.newContext();
        Page adminPage = adminContext.newPage();
        ui.signIn(adminPage, admin);
        adminPage.navigate(ui.url("/channels"));
        adminPage.getByLabel("Name").fill("Roastery on X");
        adminPage.getByLabel("Posts as").selectOption("TWITTER");
        adminPage.getByLabel("Audience's time zone").fill("UTC");
        adminPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect").setExact(true)).click();
        assertThat(adminPage.locator(".channel-accounts")).containsText("Roastery on X");
        adminPage.screenshot(ui.screenshot("tour-channels"));
        adminContext.close();

        // 3. the manager starts approvals, then writes a creative with the built-in writer
        page.navigate(base + "/tabs/approvals");
        page.locator("#approvals").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start approvals")).click();
        assertThat(page.locator("#approvals-live")).hasText("Approvals started");
        page.navigate(base + "/tabs/content");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New creative")).click();
        page.getByLabel("Title").fill("Spring teaser");
        page.getByLabel("What it is about").fill("our single-origin spring roast");
        page.getByLabel("X (Twitter)").check();
        for (String other : List.of("Email", "Instagram")) {
            Locator box = page.getByLabel(other, new Page.GetByLabelOptions().setExact(true));
            if (box.count() > 0) {
                box.uncheck();
            }
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create creative")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Spring teaser");

        // 4. renders its image: the sizes each network takes
        page.locator(".render-panel").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Render image"))
                .click();
        assertThat(page.locator(".render-recent li").first().locator("[data-field=status]")).containsText("Done", LONG);
        page.screenshot(ui.screenshot("tour-creative"));

        // 5. schedules it from the composer: X's copy as X posts it, the rendered size that suits X, the time
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schedule posts of Spring teaser")).click();
        assertThat(page.locator("#preview-text_TWITTER .network-media-item")).hasCount(1);
        page.getByLabel("Roastery on X (X (Twitter))").check();
        page.getByLabel("Post now").check();
        page.screenshot(ui.screenshot("tour-composer"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
        page.waitForURL("**/campaigns/" + campaign + "/tabs/posts**");
        Locator posts = page.locator(".social-panel");
        assertThat(posts).containsText("waits for content approval", LONG);

        // 6. the approver approves the post exactly as it goes out, with its media
        BrowserContext approverContext = ui.newContext();
        Page approverPage = approverContext.newPage();
        ui.signIn(approverPage, approver);
        approverPage.navigate(ui.url("/approvals/" + requests.scopeId(admin, campaign, "content")));
        assertThat(approverPage.locator(".approval-subject .network-media-item").first()).isVisible();
        approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        approverPage.navigate(ui.url("/approvals/" + requests.scopeId(admin, campaign, "schedule")));
        assertThat(approverPage.locator(".post-review")).containsText("Roastery on X");
        approverPage.screenshot(ui.screenshot("tour-post-approval"));
        approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        approverContext.close();

        // 7. one Launch, from the draft: it says what it does, then the post goes out on the open Posts tab
        page.navigate(base);
        Locator launch = page.locator("#dialog-launch-through");
        page.locator(".page-header .actions").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Launch").setExact(true)).click();
        assertThat(launch).containsText("This starts planning, marks the campaign ready and launches it");
        page.screenshot(ui.screenshot("tour-launch"));
        launch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Launch now")).click();
        assertThat(page.locator(".page-header h1 .badge.status")).hasText("Active");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Campaign sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Posts")).click();
        assertThat(posts.locator("[data-field=post-status]").first()).containsText("Published", LONG);
        // the workflow card agrees, without a reload
        assertThat(page.locator("#workflow")).containsText("1 published", LONG);
        page.screenshot(ui.screenshot("tour-published"));
    }
}
