package io.flightdeck.approvals;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.WebUi;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign's approvals in a real browser (Debian's Chromium driven by Playwright), one browser context per member:
 * the owner adds a stage and creates the campaign, a contributor starts approvals in the campaign page's card, an
 * approver rejects and approves from the inbox, the contributor asks for another review, the approver approves it
 * through both stages, and the card says "Ready to publish". Skipped, with the reason, when Chromium is missing.
 */
@BrowserTest
class ApprovalBrowserTests {

    private static final Pattern CAMPAIGN_PAGE = Pattern.compile(".*/campaigns/[0-9a-f-]{36}$");

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aContributorStartsApprovalsAnApproverDecidesAndTheCampaignIsReadyToPublish(WebUi ui) {
        Member owner = workspaces.workspace("Approval browser");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);

        // 1. The owner gives Content a second stage in the settings, then creates the campaign (a manager's job).
        Page ownerPage = ui.signIn(owner);
        ownerPage.navigate(ui.url("/settings/approvals"));
        assertThat(ownerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approval settings"))).isVisible();
        ownerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Content")).click();
        Locator editor = ownerPage.locator("#scope-editor");
        assertThat(editor.getByRole(AriaRole.HEADING)).hasText("Edit Content");
        editor.getByLabel("Stage 2 name", new Locator.GetByLabelOptions().setExact(true)).fill("Brand");
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save scope")).click();
        assertThat(ownerPage.locator("#toasts")).containsText("Content saved");
        assertThat(ownerPage.locator(".scopes-table")).containsText("Brand");
        ownerPage.screenshot(ui.screenshot("approvals-settings"));

        ownerPage.navigate(ui.url("/campaigns/new"));
        ownerPage.locator("#name").fill("Autumn Launch 2031");
        ownerPage.locator("#type").selectOption("PRODUCT_LAUNCH");
        ownerPage.locator("#priority").selectOption("HIGH");
        ownerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
        assertThat(ownerPage).hasURL(CAMPAIGN_PAGE);
        String campaignUrl = ownerPage.url() + "/tabs/approvals"; // the campaign page's Approvals tab

        // 2. The contributor starts approvals from the card on the campaign page; urgency follows the priority.
        Page contributorPage = ui.signIn(contributor);
        contributorPage.navigate(campaignUrl);
        Locator panel = contributorPage.locator("#approvals");
        assertThat(panel).containsText("Approvals have not started");
        assertThat(panel.getByLabel("Urgency")).hasValue("HIGH");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start approvals")).click();
        assertThat(panel.locator("#approvals-live")).hasText("Approvals started");
        assertThat(panel.locator(".approval-scope")).hasCount(4);
        assertThat(panel.locator(".publish-gate")).containsText("Blocked by: Strategy (pending, stage 1 of 1), "
                + "Content (pending, stage 1 of 2)");
        assertThat(card(panel, "Content").locator(".stage")).hasCount(2);
        assertThat(card(panel, "Content")).containsText("0 of 1 approval in Review");
        assertThat(card(panel, "Content")).containsText("due in 24 hours");
        assertThat(panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve Content"))).hasCount(0);

        // 3. The approver works through the inbox: content is rejected with a reason, the rest approved in place.
        Page approverPage = ui.signIn(approver);
        approverPage.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Approvals")).click();
        assertThat(approverPage).hasURL(ui.url("/approvals"));
        approverPage.waitForLoadState(); // the dialogs open through app.js, a deferred script
        Locator rows = approverPage.locator("#inbox-results tbody tr");
        assertThat(rows).hasCount(4);
        assertThat(approverPage.locator("#inbox-results")).containsText("4 waiting for you");

        approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject Content")).click();
        Locator dialog = approverPage.locator("dialog[open]");
        assertThat(dialog).containsText("Reject Content?");
        dialog.getByLabel("Reason").fill("The claim about battery life needs a source");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject").setExact(true)).click();
        assertThat(row(approverPage, "Content")).containsText("Rejected");
        assertThat(approverPage.locator("dialog[open]")).hasCount(0);
        assertThat(approverPage.locator("#inbox-live")).hasText("Content (Autumn Launch 2031): rejected");

        approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve Strategy")).click();
        assertThat(row(approverPage, "Strategy")).containsText("Approved ✓");
        approverPage.evaluate("window.scrollTo(0, 0)");
        approverPage.screenshot(ui.screenshot("approvals-inbox"));
        for (String scope : new String[] {"Schedule", "Ads"}) {
            approverPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve " + scope)).click();
            assertThat(row(approverPage, scope)).containsText("Approved ✓");
        }
        approverPage.reload();
        assertThat(approverPage.getByText("Nothing waits for you")).isVisible();

        // 4. The contributor sees why, answers in the thread, and asks for another review.
        contributorPage.reload();
        Locator content = card(panel, "Content");
        assertThat(content).containsText("Rejected: The claim about battery life needs a source");
        assertThat(panel.locator(".publish-gate")).containsText("Blocked by: Content (rejected)");
        content.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Content")).click();
        assertThat(contributorPage.locator("h1")).containsText("Content");
        assertThat(contributorPage.locator("#history")).containsText("rejected");
        assertThat(contributorPage.locator("#comments .change-request")).containsText("battery life needs a source");
        contributorPage.locator("#comments").getByLabel("Comment", new Locator.GetByLabelOptions().setExact(true))
                .fill("Source added from the lab report, thanks!");
        contributorPage.locator("#comments").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();
        assertThat(contributorPage.locator("#detail-live")).hasText("Comment posted");
        assertThat(contributorPage.locator("#comments .comment-thread")).containsText("Source added from the lab report");
        contributorPage.evaluate("window.scrollTo(0, 0)"); // else the sticky top bar lands mid-page in a full-page shot
        contributorPage.screenshot(ui.screenshot("approvals-detail"));

        // An external reviewer gets a link, shown once, that opens a page without an account.
        Locator links = contributorPage.locator("#reviewer-links");
        links.getByLabel("Name").fill("Lee from Legal");
        links.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create link")).click();
        assertThat(links.locator("#created-link-url")).containsText("/review/");
        String reviewUrl = links.locator("#created-link-url").textContent().trim();
        BrowserContext visitorContext = ui.newContext();
        Page visitor = visitorContext.newPage();
        visitor.navigate(reviewUrl);
        assertThat(visitor.locator("h1")).containsText("Content");
        assertThat(visitor.locator(".review-card")).containsText("Autumn Launch 2031 · review for Lee from Legal");
        assertThat(visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))).hasCount(0);
        visitor.getByLabel("Add a comment").fill("Fine from our side.");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
        assertThat(visitor.locator(".alert-success")).containsText("your comment is posted");
        visitor.screenshot(ui.screenshot("approvals-review"));

        contributorPage.navigate(campaignUrl);
        content = card(panel, "Content");
        content.getByLabel("What changed in Content? (optional)").fill("Added the source");
        content.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request review of Content")).click();
        assertThat(panel.locator("#approvals-live")).hasText("Content is back in review");
        assertThat(card(panel, "Content").locator(".approval-state")).hasText("Needs review");

        // 5. The approver approves both stages from the card; the campaign may publish.
        approverPage.navigate(campaignUrl);
        Locator approverPanel = approverPage.locator("#approvals");
        approverPanel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve Content")).click();
        assertThat(approverPanel.locator("#approvals-live")).hasText("Content moved to stage 2");
        assertThat(card(approverPanel, "Content").locator(".stage-done")).hasCount(1);
        assertThat(card(approverPanel, "Content").locator(".stage-current")).containsText("Brand");
        assertThat(approverPanel.locator(".publish-gate")).containsText("Blocked by: Content (needs review, stage 2 of 2)");
        // The card, 1280 wide, with the top bar above it (a lower window lets the page scroll the card to the top).
        approverPage.setViewportSize(1280, 680);
        approverPage.evaluate("document.getElementById('approvals').scrollIntoView({block: 'start'}); window.scrollBy(0, -72)");
        approverPage.screenshot(ui.screenshot("approvals-panel").setFullPage(false));
        approverPage.setViewportSize(1280, 800);

        approverPanel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve Content")).click();
        assertThat(approverPanel.locator("#approvals-live")).hasText("Content approved");
        assertThat(approverPanel.locator(".publish-gate")).hasText("✓ Ready to publish");

        contributorPage.reload();
        assertThat(panel.locator(".publish-gate")).hasText("✓ Ready to publish");
        assertThat(panel.locator(".approval-state")).hasText(new String[] {"Approved", "Approved", "Approved", "Approved"});
        contributorPage.evaluate("window.scrollTo(0, 0)");
        contributorPage.screenshot(ui.screenshot("approvals-ready"));
        contributorPage.navigate(campaignUrl.replace("/tabs/approvals", "")); // the overview's readiness agrees
        assertThat(contributorPage.locator("#readiness")).containsText("Content approved");
    }

    private static Locator card(Locator panel, String scope) {
        return panel.locator(".approval-scope").filter(new Locator.FilterOptions()
                .setHas(panel.page().locator("h3").getByText(scope, new Locator.GetByTextOptions().setExact(true))));
    }

    private static Locator row(Page page, String title) {
        return page.locator("#inbox-results tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true))));
    }

}
