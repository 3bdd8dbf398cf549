package io.flightdeck.notifications.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification settings in Chromium, as a member and an admin use them: "Stop these" on an item switches its kind off
 * in the app and the undo beside the notice brings it back; the settings grid saves; a test send lands in the bell
 * and, for the admin, in the mail outbox, where the mail opens as HTML in a sandboxed frame and as text.
 */
@BrowserTest
class NotificationSettingsBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void stopTheseIsUndoneTheGridSavesAndATestMailOpensInTheOutbox(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Settings in a browser");
        Member lead = workspaces.addMember(owner, Role.MANAGER);
        String campaign = Json.read(api.as(lead).post("/api/v1/campaigns", Map.of("name", "Browser stop", "type", "OTHER")),
                "$.id");
        String task = Json.read(api.as(lead).post("/api/v1/campaigns/" + campaign + "/tasks",
                Map.of("title", "Check the press kit")), "$.id");
        api.as(lead).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", owner.userId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<List<String>>read(
                api.as(owner).get("/api/v1/notifications"), "$.items[*].id").isEmpty());

        PageChecks.install(page.context());
        ui.signIn(page, owner);
        page.navigate(ui.url("/notifications"));
        Locator item = page.locator(".notification").filter(new Locator.FilterOptions().setHasText("Check the press kit"));
        assertThat(item).containsText("In the app because of Flightdeck's default.");
        assertThat(item.locator(".delivery-list")).containsText("because of Flightdeck's default");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop these: Tasks notifications in the app")).click();
        Locator notice = page.locator(".alert.stopped");
        assertThat(notice).containsText("Tasks notifications no longer reach you in the app.");
        assertThat(item).hasCount(1); // what came before stays
        page.screenshot(ui.screenshot("notifications-stopped").setFullPage(false));
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
        assertThat(page.locator(".toast")).containsText("Tasks notifications in the app are back as they were");

        // the grid: renders by email from now on
        page.navigate(ui.url("/notifications/preferences"));
        page.locator("#pref-RENDERING-EMAIL").selectOption("IMMEDIATE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator(".toast")).containsText("Notification settings saved");
        assertThat(page.locator("#pref-RENDERING-EMAIL")).hasValue("IMMEDIATE");
        page.setViewportSize(390, 844);
        page.screenshot(ui.screenshot("notification-settings-phone").setFullPage(false));
        page.setViewportSize(1280, 900);

        // a test send: in the bell at once (opening the centre saw the task's item), and in the outbox once its job has run
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a test")).click();
        assertThat(page.locator(".toast")).containsText("Test sent");
        assertThat(page.locator("#topbar-nav-badge-notifications")).hasAttribute("aria-label", "Notifications, 1 new");
        await().atMost(Duration.ofSeconds(30)).until(() -> Json.<List<String>>read(api.as(owner).get("/api/v1/mail-outbox"),
                "$.items[*].subject").contains("A test notification"));
        page.navigate(ui.url("/settings/mail-outbox"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A test notification")).click();
        assertThat(page.locator("h1")).hasText("A test notification");
        assertThat(page.locator(".mail-text")).containsText("Why you got this email");
        FrameLocator html = page.frameLocator("iframe.mail-html");
        assertThat(html.locator("h1")).hasText("A test notification");
        assertThat(html.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Open in Flightdeck")))
                .hasAttribute("href", java.util.regex.Pattern.compile("^http://localhost:\\d+/notifications/.+/open$"));
        page.screenshot(ui.screenshot("mail-outbox"));
    }
}
