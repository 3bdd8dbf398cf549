package io.flightdeck.approvals.web;

import java.time.Duration;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The approval page and the external reviewer page show what is being approved: the strategy version under review with
 * its diff against the version last approved, or the items of the scope; the requester gets no Approve button under
 * separation of duties; a contributor whom nothing is routed to is not offered delegation.
 */
@FlightdeckTest
class ApprovalSubjectPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApprovalItems items;

    @Test
    void theStrategyApprovalShowsTheVersionUnderReviewAndItsDiffAgainstTheLastApproved() {
        ApprovalRequests api = new ApprovalRequests(mvc);
        StrategyRequests strategies = new StrategyRequests(mvc);
        Member owner = workspaces.workspace("Strategy subject");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String campaign = api.campaign(owner, "Subject campaign");
        strategies.saveVersion(contributor, campaign, StrategyRequests.FULL);
        api.initialized(contributor, campaign);
        String strategy = api.scopeId(owner, campaign, "strategy");
        MockHttpSession approverSession = web.signIn(approver);

        // version 1, nothing approved before: its content, linked to its page
        assertThat(web.page(approverSession, "/approvals/" + strategy)).contains("What is being approved")
                .contains("Strategy version 1").contains("href=\"/campaigns/" + campaign + "/strategy/versions/1\"")
                .contains("No earlier version was approved").contains("Operations managers at mid-sized logistics firms")
                .contains("300 sales-qualified leads");

        assertThat(api.approve(approver, strategy)).hasStatusOk();
        strategies.saveVersion(contributor, campaign, StrategyRequests.FULL.replace("300 sales", "450 sales"));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(owner, strategy).equals("PENDING"));

        String detail = web.page(approverSession, "/approvals/" + strategy);
        assertThat(detail).contains("Strategy version 2").contains("Version 1 (last approved)")
                .contains("Version 2 (under review)").contains("1 field changed")
                .contains("href=\"/campaigns/" + campaign + "/strategy/versions/2\"")
                .contains("Removed: </span><span>300 sales-qualified leads")
                .contains("Added: </span><span>450 sales-qualified leads").contains(">Approve</button>");

        // the reviewer page shows the same subject, without links into the app
        String token = reviewerToken(api, contributor, strategy);
        MvcTestResult review = mvc.get().uri("/review/" + token).exchange();
        assertThat(review).hasStatusOk().bodyText().contains("Strategy version 2").contains("Version 1 (last approved)")
                .contains("450 sales-qualified leads").doesNotContain("href=\"/campaigns/").doesNotContain("Sign in");
        // ...and so does the reviewer API
        assertThat(Json.<String>read(api.anonymousGet("/api/v1/external-reviews/" + token), "$.subject.main.heading"))
                .isEqualTo("Strategy version 2");
    }

    @Test
    void otherScopesListTheirItemsOnTheApprovalAndReviewerPages() {
        ApprovalRequests api = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Items subject");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = api.campaign(owner, "Items campaign");
        api.initialized(contributor, campaign);
        String content = api.scopeId(owner, campaign, "content");
        String schedule = api.scopeId(owner, campaign, "schedule");
        UUID item = workspaces.as(contributor, () -> items.submit(new ItemSubmission(UUID.fromString(campaign), "content",
                "creative", UUID.randomUUID(), "Hero banner", 12, null)));

        String detail = web.page(web.signIn(owner), "/approvals/" + content);
        assertThat(detail).contains("The Content scope").contains("Items submitted (1)")
                .contains("href=\"/approvals/" + item + "\"").contains("Creative “Hero banner”");
        assertThat(web.page(web.signIn(owner), "/approvals/" + schedule)).contains("Nothing has been submitted to the Schedule scope");
        assertThat(web.page(web.signIn(owner), "/approvals/" + item)).contains("Creative “Hero banner”")
                .contains("Submitted for review in the Content scope");

        String token = reviewerToken(api, contributor, content);
        assertThat(mvc.get().uri("/review/" + token).exchange()).hasStatusOk().bodyText()
                .contains("Items submitted (1)").contains("Creative “Hero banner”")
                .doesNotContain("href=\"/approvals/").doesNotContain("The Content of the campaign");

        // bad input: an unknown approval or token is a plain 404, never a 500
        assertThat(mvc.get().uri("/approvals/" + UUID.randomUUID()).session(web.signIn(owner)).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/review/not-a-token").exchange()).hasStatus(404);
    }

    @Test
    void theRequesterSeesWhyThereIsNoApproveButtonAndCannotPostOne() {
        ApprovalRequests api = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Requester page");
        String campaign = api.campaign(owner, "Requester campaign");
        api.initialized(owner, campaign);
        String strategy = api.scopeId(owner, campaign, "strategy");
        MockHttpSession ownerSession = web.signIn(owner);

        String detail = web.page(ownerSession, "/approvals/" + strategy);
        assertThat(detail).doesNotContain(">Approve</button>").contains("You requested this review")
                .contains("data-open-dialog=\"dialog-reject\"");
        assertThat(panel(ownerSession, campaign)).doesNotContain("aria-label=\"Approve Strategy\"")
                .contains("You requested this review");
        MvcTestResult posted = mvc.post().uri("/approvals/" + strategy + "/approve").session(ownerSession).with(csrf())
                .exchange();
        assertThat(posted).hasStatus3xxRedirection().hasRedirectedUrl("/approvals/" + strategy);
        assertThat(web.page(ownerSession, "/approvals/" + strategy)).contains("alert") // the flash says why
                .contains("You requested this review, so someone else approves it");
        assertThat(api.state(owner, strategy)).isEqualTo("PENDING");

        // off: the button is back
        assertThat(api.put(owner, "/api/v1/approval-settings/separation-of-duties", "{\"enabled\":false}")).hasStatusOk();
        assertThat(web.page(ownerSession, "/approvals/" + strategy)).contains(">Approve</button>")
                .doesNotContain("You requested this review");
        assertThat(mvc.post().uri("/settings/approvals/duties").session(ownerSession).with(csrf())
                .param("separateDuties", "true").exchange()).hasStatus3xxRedirection();
        assertThat(web.page(ownerSession, "/settings/approvals")).contains("Separation of duties")
                .contains("name=\"separateDuties\" value=\"true\" checked=\"checked\"");
        MockHttpSession approver = web.signIn(workspaces.addMember(owner, Role.APPROVER));
        assertThat(mvc.post().uri("/settings/approvals/duties").session(approver).with(csrf()).exchange()).hasStatus(403);
    }

    @Test
    void aContributorWhoApprovesNothingIsNotOfferedDelegation() {
        Member owner = workspaces.workspace("Delegation offer");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        MockHttpSession contributorSession = web.signIn(contributor);

        assertThat(web.page(contributorSession, "/approvals")).contains("No approval stage is routed to you")
                .doesNotContain("name=\"delegateId\"").doesNotContain(">Delegate</button>");
        assertThat(web.page(web.signIn(approver), "/approvals")).contains("name=\"delegateId\"").contains(">Delegate</button>");

        MvcTestResult forced = mvc.post().uri("/approvals/delegations").session(contributorSession).with(csrf())
                .param("delegateId", approver.userId().toString()).param("until", "2099-01-01").exchange();
        assertThat(forced).hasStatus3xxRedirection().hasRedirectedUrl("/approvals#delegations");
        assertThat(mvc.get().uri("/api/v1/approval-delegations").header("Authorization", contributor.bearer()).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(0);
    }

    @Test
    void theApprovalsCardAndTheInboxCountReloadAfterAnyAction() {
        ApprovalRequests api = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Live approvals");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String campaign = api.campaign(owner, "Live campaign");
        api.initialized(contributor, campaign);
        MockHttpSession approverSession = web.signIn(approver);

        assertThat(panel(approverSession, campaign)).contains("hx-trigger=\"fd:changed")
                .contains("hx-select=\"#approvals-body\"");
        String inbox = web.page(approverSession, "/approvals");
        assertThat(inbox).contains("hx-get=\"/approvals/inbox/count\" hx-sync=\"this:replace\" "
                + "hx-disinherit=\"hx-sync\" hx-trigger=\"load, fd:changed from:body\"")
                .contains("4 waiting for you");
        assertThat(api.approve(approver, api.scopeId(owner, campaign, "ads"))).hasStatusOk();
        assertThat(mvc.get().uri("/approvals/inbox/count").session(approverSession).header("HX-Request", "true")
                .exchange()).hasStatusOk().bodyText().contains("3 waiting for you").doesNotContain("<html");
    }

    private String reviewerToken(ApprovalRequests api, Member contributor, String approvalId) {
        MvcTestResult created = api.post(contributor, ApprovalRequests.APPROVALS + "/" + approvalId + "/reviewer-links",
                "{\"name\":\"Lee Client\",\"canApprove\":true}");
        assertThat(created).hasStatus(201);
        String url = Json.read(created, "$.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String panel(MockHttpSession session, String campaign) {
        MvcTestResult result = mvc.get().uri("/campaigns/" + campaign + "/approvals/panel").header("HX-Request", "true")
                .session(session).exchange();
        assertThat(result).hasStatusOk();
        return Json.body(result);
    }
}
