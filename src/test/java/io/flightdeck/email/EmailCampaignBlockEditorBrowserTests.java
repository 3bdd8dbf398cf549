package io.flightdeck.email;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.approvals.ApprovalRequests;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An approved email campaign rebuilt in its own block editor (GrapesJS as the build fetched it): imported from its
 * HTML with the body's background kept, a creative picked into a placeholder, saved as a new revision that waits for
 * its own approval; the approver then sees the new revision as its recipients will. Same public address as
 * {@link EmailBlockEditorBrowserTests}, so both share one application context.
 */
@BrowserTest
@TestPropertySource(properties = "flightdeck.base-url=https://mail.flightdeck.example")
class EmailCampaignBlockEditorBrowserTests {

    private static final String HTML = "<!DOCTYPE html><html><head><title></title></head>"
            + "<body style=\"background-color: #fef3c7; margin: 0;\"><table role=\"presentation\" width=\"100%\">"
            + "<tr><td style=\"padding: 16px;\"><p>Hello {{first_name | \"there\"}}, the old offer.</p></td></tr>"
            + "</table></body></html>";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void anApprovedEmailRebuiltFromBlocksWaitsForItsOwnApprovalAndTheApproverSeesIt(WebUi ui, Page page) {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Email blocks browser");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        for (String scope : List.of("strategy", "ads", "schedule")) {
            api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}");
        }
        api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Blocks Co", "fromAddress",
                "news@blocks.example", "postalAddress", "7 Harbour Road, Porto"));
        String campaign = requests.campaign(owner, "Email blocks browser");
        requests.makeReady(owner, campaign);
        requests.initialized(owner, campaign);
        api.as(owner).post("/api/v1/content/creatives", Map.of("campaignId", campaign, "title", "Summer teaser",
                "mode", "MANUAL", "channels", List.of("LINKEDIN"), "texts", Map.of("HEADLINE", "Sail into summer",
                        "CAPTION", "The iced roast is back.", "CTA", "Taste it")));
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Regulars")), "$.id");
        String email = Json.read(api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Summer news", "subject", "Summer", "html", HTML, "listIds", List.of(list))), "$.id");
        api.as(owner).post("/api/v1/email/campaigns/" + email + "/request-approval");
        String item = item(owner, campaign, email);
        requests.approve(approver, item);

        PageChecks.install(page.context());
        ui.signIn(page, owner);
        page.navigate(ui.url("/email/campaigns/" + email + "?step=content"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit with blocks")).click();
        Locator editorReady = page.locator("#blocks-form[data-ready=true]");
        assertThat(editorReady).isAttached();
        FrameLocator canvas = page.frameLocator("#blocks-editor iframe.gjs-frame");
        assertThat(canvas.getByText("the old offer")).isVisible();
        // the body's background came in with the HTML: the editor's wrapper carries it
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.flightdeckBlocks.getWrapper()"
                + ".getStyle()['background-color']")).isEqualTo("#fef3c7");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add social links")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add placeholder")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use in placeholder: Summer teaser"))
                .click();
        assertThat(canvas.getByText("Sail into summer")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.flightdeckBlocks.flightdeckFooter"
                + ".get('removable')")).isEqualTo(false);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save email")).click();
        assertThat(page.getByText("Email saved as revision 2: it needs its own approval")).isVisible();
        assertThat(editorReady).isAttached();
        assertThat(canvas.getByText("Sail into summer")).isVisible();
        page.screenshot(ui.screenshot("email-campaign-block-editor"));
        String html = Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.html");
        org.assertj.core.api.Assertions.assertThat(html).contains("<table", "Sail into summer", "Instagram",
                "{{unsubscribe_url}}", "background-color: #fef3c7").doesNotContain("fd-placeholder");
        // the export imported again keeps the background too
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.flightdeckBlocks.runCommand("
                + "'gjs-get-inlined-html')")).asString().contains("#fef3c7");
        // saved again as reopened: the same markup (GrapesJS may order attributes otherwise), so no new revision
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save email")).click();
        assertThat(page.getByText("Email saved.")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/"
                + email), "$.revision")).isEqualTo(2);

        page.navigate(ui.url("/email/campaigns/" + email + "?step=review"));
        assertThat(page.locator("[data-item=email-approval]")).containsText("Revision 2 waits for approval");

        // the approver, in a browser of their own
        Page theirs = page.context().browser().newContext().newPage();
        ui.signIn(theirs, approver);
        theirs.navigate(ui.url("/approvals/" + item));
        FrameLocator asSent = theirs.frameLocator("iframe.email-preview").first();
        assertThat(asSent.getByText("Sail into summer")).isVisible();
        assertThat(asSent.getByText("7 Harbour Road, Porto")).isVisible();
        theirs.context().close();
    }

    private String item(Member owner, String campaign, String email) {
        List<String> ids = Json.read(api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign
                + "/approval-items?size=100"), "$.items[?(@.itemId=='" + email + "')].id");
        org.assertj.core.api.Assertions.assertThat(ids).hasSize(1);
        return ids.get(0);
    }
}
