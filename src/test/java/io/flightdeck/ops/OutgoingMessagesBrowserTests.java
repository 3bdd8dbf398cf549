package io.flightdeck.ops;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium at a phone's width, an owner finds a stopped notification on Settings → Outgoing messages with the
 * reason it stopped, sends it again with Retry, and sees it leave the list while the mail goes out. Nothing sticks out
 * sideways and axe finds no serious fault at each step.
 */
@BrowserTest
class OutgoingMessagesBrowserTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoppedNotificationIsFoundWithItsReasonAndSentAgain(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Outgoing in a browser");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Harbour festival");
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                Map.of("title", "Check the proofs")), "$.id");
        api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(owner) == 1);
        // six failed attempts over nine hours leave it so (NotificationDeliveryTests)
        UUID delivery = jdbc.sql("select id from notification_deliveries where tenant_id = ? and kind = 'MEMBER'")
                .param(owner.workspaceId()).query(UUID.class).single();
        jdbc.sql("update notification_deliveries set status = 'DEAD', attempts = 6, last_error = ?, dead_at = now()"
                + " where id = ?").params("The mail server refused the address", delivery).update();

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/settings/outgoing"));
        Locator needing = page.locator(".card").filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Notifications and webhook messages that need you"))));
        Locator row = needing.locator("tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Email: Task for you: Check the proofs");
        assertThat(row).containsText("The mail server refused the address");
        assertThat(row.locator(".badge")).hasText("Stopped");
        check(page, "a stopped notification");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator(".toast")).containsText("Sending that again now");
        assertThat(needing).containsText("Nothing needs you here");
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(owner) == 1);
        page.screenshot(ui.screenshot("phone-outgoing-messages"));
        check(page, "after a retry");
    }

    private long sent(Member owner) {
        return ((Number) Json.<java.util.List<Object>>read(api.as(owner).get("/api/v1/outgoing-ledgers"),
                "$[?(@.key == 'notifications')].backlog.sent").get(0)).longValue();
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
