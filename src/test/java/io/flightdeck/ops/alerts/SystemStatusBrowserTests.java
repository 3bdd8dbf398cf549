package io.flightdeck.ops.alerts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In Chromium at a phone's width, an owner whose LinkedIn account broke finds it down on Settings → System status
 * with the alert its rule opened, acknowledges and then resolves it; adds a rule of their own, first with a
 * threshold that is no number (the mistake shown beside the field, the text kept), then right. Nothing sticks out
 * sideways and axe finds no serious fault at each step.
 */
@BrowserTest
class SystemStatusBrowserTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBrokenAccountsAlertIsAcknowledgedAndResolvedAndARuleAdded(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Status in a browser");
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox", """
                {"channel":"LINKEDIN","displayName":"Acme on LinkedIn"}"""), "$.id");
        jdbc.sql("update channel_accounts set health = 'BROKEN', health_reason = 'The network refused the token'"
                + " where id = ?").param(UUID.fromString(account)).update();
        TenantScope.run(owner.workspaceId(), () -> transactions.executeWithoutResult(
                status -> evaluation.evaluate(owner.workspaceId())));

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/settings/system"));
        assertThat(page.locator("#system-state")).containsText("Something is down.");
        Locator component = page.locator("[data-component='channel-account:" + account + "']");
        assertThat(component.locator(".badge")).hasText("Down");
        assertThat(component).containsText("The network refused the token");
        Locator alert = page.locator("#alerts-unresolved .alert-item");
        assertThat(alert).hasCount(1);
        assertThat(alert).containsText("Channel account broken");
        assertThat(alert).containsText("Channel accounts broken is 1, above 0");
        check(page, "an open alert");

        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge Channel account broken"))
                .click();
        assertThat(page.locator(".toast")).containsText("Acknowledged");
        assertThat(alert).containsText("Acknowledged");
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve Channel account broken"))
                .click();
        assertThat(page.locator(".toast")).containsText("Resolved.");
        assertThat(page.locator("#alerts-unresolved")).containsText("No alerts");
        assertThat(page.locator("#alerts-past")).containsText("by an admin");
        check(page, "a resolved alert");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alert rules")).click();
        page.getByLabel("Name").fill("Many jobs waiting");
        page.getByLabel("Metric").selectOption("jobs.due");
        page.getByLabel("Threshold").fill("lots");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
        assertThat(page.locator("#rule-threshold-error")).hasText("Give a threshold: a number");
        assertThat(page.getByLabel("Name")).hasValue("Many jobs waiting");
        assertThat(page.getByLabel("Metric")).hasValue("jobs.due");
        check(page, "a rule with a mistake");
        page.getByLabel("Threshold").fill("500");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
        assertThat(page.locator(".toast")).containsText("Rule \"Many jobs waiting\" added");
        assertThat(page.locator("#alert-rules")).containsText("Jobs due and waiting for a node above 500 for 5 min");
        page.screenshot(ui.screenshot("phone-alert-rules"));
        check(page, "the rules");
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
