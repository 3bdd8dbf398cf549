package io.flightdeck;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.planning.TaskTestDataApi;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The home page in a real browser: a member with work waiting sees it (not onboarding), with the badges on
 * Approvals and My tasks; approving in the inbox lowers the Approvals badge in place, without a reload.
 */
@BrowserTest
class HomeBrowserTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;

    @Test
    void theHomePageSaysWhatWaitsAndTheBadgeFollowsADecisionWithoutAReload(WebUi ui) {
        Member owner = workspaces.workspace("Home browser");
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        String campaign = approvals.campaign(owner, "Winter Launch 2031", "HIGH");
        // a manager asks for the reviews: under separation of duties the owner decides only what others requested
        approvals.initialized(workspaces.addMember(owner, Role.MANAGER), campaign);
        TaskTestDataApi tasks = new TaskTestDataApi(mvc);
        String task = tasks.createId(owner, tasks.campaign(owner, "Winter teasers"), """
                {"title":"Draft the teaser copy","dueDate":"%s"}""".formatted(LocalDate.now().minusDays(2)));
        org.assertj.core.api.Assertions.assertThat(tasks.assign(owner, task, owner.userId().toString()).getResponse()
                .getStatus()).isEqualTo(200);

        // The owner approves too (an owner holds every role) and has the task.
        com.microsoft.playwright.BrowserContext context = ui.newContext();
        PageChecks.install(context);
        Page page = context.newPage();
        ui.signIn(page, owner);
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        Locator approvalsLink = nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Approvals (4 waiting)").setExact(true));
        assertThat(approvalsLink).isVisible();
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My tasks (1 overdue)").setExact(true))).isVisible();

        Locator waiting = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approvals waiting for you"));
        assertThat(waiting.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Strategy"))).isVisible();
        assertThat(waiting).containsText("Winter Launch 2031");
        Locator mine = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Your tasks"));
        assertThat(mine.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Draft the teaser copy"))).isVisible();
        assertThat(page.getByText("Get your workspace ready")).hasCount(0);
        // "Do these first" ranks the same work together and says why each item sits where it does.
        Locator first = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Do these first"));
        assertThat(first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Draft the teaser copy"))).isVisible();
        assertThat(first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Decide: Strategy"))).isVisible();
        assertThat(first).containsText("Due soon");
        for (int width : java.util.List.of(1440, 390)) {
            page.setViewportSize(width, 900);
            PageChecks.settle(page);
            org.assertj.core.api.Assertions.assertThat(PageChecks.axeViolations(page)).as("axe at %d px", width).isEmpty();
            org.assertj.core.api.Assertions.assertThat(PageChecks.overflow(page)).as("sideways at %d px", width).isNull();
        }
        page.setViewportSize(1440, 900);
        page.screenshot(ui.screenshot("home-what-needs-me"));

        // Approving in the inbox swaps the row in place; the badge follows through fd:changed, with no reload.
        approvalsLink.click();
        assertThat(page).hasURL(ui.url("/approvals"));
        page.waitForLoadState();
        page.evaluate("window.__sameDocument = true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve Strategy")).click();
        assertThat(page.locator("#inbox-results")).containsText("Approved ✓");
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Approvals (3 waiting)").setExact(true))).isVisible();
        assertThat(page.locator("#nav-badge-approvals [aria-hidden=true]")).hasText("3");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("window.__sameDocument === true")).isEqualTo(true);
    }
}
