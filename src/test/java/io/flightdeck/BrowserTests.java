package io.flightdeck;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;

/**
 * Real user flows through the web UI, in Debian's Chromium driven by Playwright. Skipped, with the reason, when
 * Chromium is not installed (set {@code CHROMIUM_PATH} to use another binary).
 */
@BrowserTest
class BrowserTests {

    @Test
    void ownerSignsUpInvitesAContributorWhoJoinsThroughTheLink(WebUi ui, Page page) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerName = "Dana Owner";
        String ownerEmail = "dana-" + suffix + "@example.com";
        String workspaceName = "Acme Marketing " + suffix;
        String inviteeEmail = "casey-" + suffix + "@example.com";
        String inviteeName = "Casey Contributor";

        // 1. Sign up: a new workspace and its owner.
        page.navigate(ui.url("/signup"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create your workspace"))).isVisible();
        page.locator("#displayName").fill(ownerName);
        page.locator("#email").fill(ownerEmail);
        page.locator("#password").fill("correct-horse-battery");
        page.locator("#workspaceName").fill(workspaceName);
        page.locator("#timeZone").fill("Europe/Berlin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();

        // 2. Home page, signed in as the owner.
        assertThat(page).hasURL(ui.url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, " + ownerName))).isVisible();
        assertThat(page.locator(".page-header p")).containsText(workspaceName);
        assertThat(page.locator(".page-header p")).containsText("1 member");
        assertThat(page.locator(".page-header p")).containsText("Europe/Berlin");
        assertThat(page.locator(".topbar .ws-chip")).hasText(workspaceName);
        assertThat(page.locator(".topbar")).containsText(ownerName);
        assertThat(page.locator("#toasts")).containsText("Your workspace is ready");
        page.screenshot(ui.screenshot("home"));

        // 3. Invite a contributor from the members page.
        page.navigate(ui.url("/members"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Members").setExact(true))).isVisible();
        assertThat(page.getByText("No invitations waiting")).isVisible();
        page.locator("#invite-email").fill(inviteeEmail);
        page.locator("#invite-role").selectOption("CONTRIBUTOR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();

        assertThat(page).hasURL(ui.url("/members"));
        assertThat(page.locator("#invite-link")).containsText("Invitation created for " + inviteeEmail);
        Locator linkBox = page.locator("#invite-link-value");
        assertThat(linkBox).containsText("/invitations/");
        Locator pendingRow = page.locator("tr", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.CELL,
                new Page.GetByRoleOptions().setName(inviteeEmail).setExact(true))));
        assertThat(pendingRow).hasCount(1);
        assertThat(pendingRow.locator(".badge")).hasText("Contributor");
        assertThat(pendingRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw"))).isVisible();
        page.screenshot(ui.screenshot("members"));

        String inviteLink = linkBox.textContent().trim();
        URI link = URI.create(inviteLink);
        org.assertj.core.api.Assertions.assertThat(link.getPath()).matches("/invitations/[^/]+");

        // 4. The invitee opens the link signed out, in a browser context of their own.
        try (BrowserContext inviteeContext = ui.newContext()) {
            Page invitee = inviteeContext.newPage();
            // The link carries flightdeck.base-url; the test server listens on a random port, so follow its path.
            invitee.navigate(ui.url(link.getRawPath()));
            assertThat(invitee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join " + workspaceName))).isVisible();
            assertThat(invitee.locator("section.card")).containsText("Contributor");
            assertThat(invitee.locator("section.card")).containsText(inviteeEmail);
            invitee.locator("#displayName").fill(inviteeName);
            invitee.locator("#password").fill("another-long-password");
            invitee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and join")).click();

            assertThat(invitee).hasURL(ui.url("/"));
            assertThat(invitee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, " + inviteeName))).isVisible();
            assertThat(invitee.locator(".page-header p")).containsText("2 members");
            assertThat(invitee.locator(".topbar .ws-chip")).hasText(workspaceName);
            assertThat(invitee.getByLabel("Switch workspace").locator(".badge")).hasText("Contributor");
            assertThat(invitee.locator("#toasts")).containsText("You joined the workspace");
            invitee.screenshot(ui.screenshot("home-invited-member"));
        }

        // 5. Back in the owner's session: the invitation is used up and the contributor is a member.
        page.navigate(ui.url("/members"));
        assertThat(page.locator(".page-header p")).containsText("2 people in " + workspaceName);
        assertThat(page.getByText("No invitations waiting")).isVisible();
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText(inviteeEmail))
                .locator("select[name=role]")).hasValue("CONTRIBUTOR");
    }

}
