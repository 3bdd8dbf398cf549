package io.flightdeck;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The README's tour, as one team lives it: a contributor writes the strategy, a manager asks for the reviews, an
 * approver finds the work on the home page, sees the revised strategy against the one they approved before and
 * approves it, and the manager sees exactly what still blocks the launch. Its screenshots are the README's
 * ({@code target/screenshots/tour-*.png}, copied to {@code docs/images/}).
 */
@BrowserTest
class ManagerTourBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;

    @Test
    void fromStrategyToApprovalToWhatStillBlocksTheLaunch(WebUi ui) {
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        StrategyRequests strategies = new StrategyRequests(mvc);
        Member owner = workspaces.workspace("Tour");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        approvals.rename(approver, "Sam Approver");
        String campaign = approvals.campaign(manager, "Spring Launch 2027", "HIGH");
        strategies.saveVersion(contributor, campaign, StrategyRequests.FULL);
        approvals.initialized(manager, campaign);
        String strategy = approvals.scopeId(owner, campaign, "strategy");
        approvals.approve(approver, strategy);
        // a revised strategy sends the approved one back for review
        strategies.saveVersion(contributor, campaign, StrategyRequests.FULL.replace("300 sales", "450 sales"));
        await().atMost(Duration.ofSeconds(20)).until(() -> approvals.state(owner, strategy).equals("PENDING"));

        // the approver's home page says what waits for them, and the badge counts it
        Page page = ui.signIn(approver);
        Locator waiting = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approvals waiting for you"));
        assertThat(waiting).containsText("Spring Launch 2027");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Approvals (4 waiting)"))).isVisible();
        page.screenshot(ui.screenshot("tour-home"));

        // the approval shows what is approved: version 2 against the version approved before
        waiting.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Strategy")).click();
        assertThat(page.locator("main")).containsText("Version 1 (last approved)");
        assertThat(page.locator("main")).containsText("450 sales-qualified leads");
        page.screenshot(ui.screenshot("tour-strategy-approval"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(page.locator(".page-header")).containsText("Approved");

        // the manager sees what still blocks the launch, on the card and in the launch dialog
        Page managerPage = ui.signIn(manager);
        managerPage.navigate(ui.url("/campaigns/" + campaign));
        assertThat(managerPage.locator("#readiness .card-header .badge")).containsText("Blocked by 3");
        managerPage.screenshot(ui.screenshot("tour-campaign"));
        managerPage.navigate(ui.url("/campaigns/" + campaign + "/tabs/activity"));
        assertThat(managerPage.locator("#activity")).containsText("Sam Approver approved");
        managerPage.navigate(ui.url("/campaigns/" + campaign + "/tabs/approvals"));
        assertThat(managerPage.locator("#approvals")).containsText("Content");
    }
}
