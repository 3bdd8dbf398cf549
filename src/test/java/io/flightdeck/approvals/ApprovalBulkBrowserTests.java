package io.flightdeck.approvals;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.security.Role;
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
 * In Chromium at a phone's width, a manager ticks everything in their approvals inbox, approves it all from the bulk
 * bar with a comment and sees each approved; the results offer no Undo (a decision stays), and the history names the
 * manager. Nothing sticks out sideways and axe finds no serious fault.
 */
@BrowserTest
class ApprovalBulkBrowserTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aManagerApprovesTheWholeInboxAtOnce(WebUi ui, BrowserContext context) {
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Bulk approvals in a browser");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        for (String scope : List.of("content", "ads")) {
            assertThat(approvals.routeScope(owner, scope, "[{\"name\":\"Sign-off\",\"approverRole\":\"MANAGER\"}]"))
                    .hasStatusOk();
        }
        String campaign = approvals.campaign(owner, "Harbour festival");
        approvals.initialized(contributor, campaign);
        String content = approvals.scopeId(owner, campaign, "content");
        String ads = approvals.scopeId(owner, campaign, "ads");
        assertThat(approvals.inbox(manager)).contains(content, ads);

        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, manager);
        page.setViewportSize(390, 844);
        page.navigate(ui.url("/approvals"));
        Locator bar = page.locator("#bulk-bar");
        assertThat(bar).isHidden();
        page.getByLabel("Select every approval on this page").check();
        assertThat(bar).isVisible();
        int ticked = approvals.inbox(manager).size();
        assertThat(bar).containsText(ticked + " selected");
        bar.getByLabel("Action").selectOption("approve");
        bar.getByLabel("Comment (a reject needs the reason)").fill("Approved for the festival");
        check(page, "the bulk bar open");

        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply")).click();
        Locator progress = page.locator("#bulk-progress");
        assertThat(progress).containsText(ticked + " of " + ticked + " done",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(progress.locator("[data-bulk-item=SUCCEEDED]")).hasCount(ticked);
        assertThat(progress.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).hasCount(0);
        page.screenshot(ui.screenshot("phone-bulk-approved"));
        check(page, "the results");

        assertThat(approvals.state(owner, content)).isEqualTo("APPROVED");
        assertThat(approvals.state(owner, ads)).isEqualTo("APPROVED");
        assertThat(Json.<List<String>>read(approvals.history(owner, ads), "$.items[?(@.kind == 'APPROVED')].actorId"))
                .containsExactly(manager.userId().toString());
    }

    private static void check(Page page, String what) {
        PageChecks.settle(page);
        assertThat(PageChecks.overflow(page)).as(what + " at 390 px").isNull();
        assertThat(PageChecks.axeViolations(page)).as(what).isEmpty();
    }
}
