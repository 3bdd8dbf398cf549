package io.flightdeck.approvals.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.approvals.domain.ApprovalEscalation;
import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.ScopeChange;
import io.flightdeck.approvals.domain.StageRule;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The approval pages through MockMvc: the campaign panel and its htmx actions, the inbox and delegations, the detail
 * page with history, comments and reviewer links, the settings, roles, tenancy, and the public review page.
 */
@FlightdeckTest
class ApprovalPagesTests {

    private static final Pattern LINK_URL = Pattern.compile("http://localhost/review/([A-Za-z0-9_.-]+)");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApprovalSetup setup;
    @Autowired
    MutableClock clock;
    @Autowired
    ApprovalItems approvals;
    @Autowired
    ApprovalEscalation escalation;

    // ---- the campaign panel ----------------------------------------------------------------------------------------

    @Test
    void thePanelStartsEmptyAndAContributorStartsApprovals() {
        Member owner = workspaces.workspace("Panel start");
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Spring teaser", "HIGH");
        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        MockHttpSession viewer = signIn(workspaces.addMember(owner, Role.VIEWER));

        assertThat(mvc.get().uri("/campaigns/" + campaign + "/tabs/approvals").session(contributor).exchange()).hasStatusOk().bodyText()
                .contains("hx-get=\"/campaigns/" + campaign + "/approvals/panel\"");
        assertThat(panel(contributor, campaign)).contains("Approvals have not started")
                .contains("Strategy, Content, Schedule, Ads").contains("Start approvals")
                .contains("<option value=\"HIGH\" selected=\"selected\">High</option>").doesNotContain("<html");
        assertThat(panel(viewer, campaign)).contains("Approvals have not started").doesNotContain("Start approvals");
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/approvals/panel").session(contributor).exchange())
                .hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + campaign + "/tabs/approvals#approvals");

        assertThat(htmxPost(viewer, "/campaigns/" + campaign + "/approvals/start").exchange()).hasStatus(403);
        MvcTestResult started = htmxPost(contributor, "/campaigns/" + campaign + "/approvals/start")
                .param("urgency", "URGENT").exchange();
        assertThat(started).hasStatusOk().bodyText().contains("id=\"approvals-body\"")
                .contains("hx-swap-oob=\"innerHTML\"").contains("Approvals started")
                .contains("Blocked by:").contains("Strategy (pending, stage 1 of 1)").contains("Ads (pending, stage 1 of 1)")
                .contains(">Content</a>").contains("0 of 1 approval in Review").contains("routed to Approvers")
                .contains("due in 4 hours").doesNotContain("Approvals have not started").doesNotContain("<html");
        // A contributor is not an approver: no decision buttons for them.
        assertThat(Json.body(started)).doesNotContain("Approve Strategy");
        assertThat(panel(ownerSession, campaign)).contains("aria-label=\"Approve Strategy\"").contains("Reject Strategy");
    }

    @Test
    void approvingAndRejectingSwapThePanelAndAMissingReasonStaysInline() {
        Member owner = workspaces.workspace("Panel actions");
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Webinar week", "MEDIUM");
        MockHttpSession approver = signIn(workspaces.addMember(owner, Role.APPROVER));
        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        String body = Json.body(htmxPost(contributor, "/campaigns/" + campaign + "/approvals/start").exchange());
        String base = "/campaigns/" + campaign + "/approvals/";

        MvcTestResult approved = htmxPost(approver, base + id(body, "Strategy") + "/approve").param("comment", "Clear goals")
                .exchange();
        assertThat(approved).hasStatusOk().bodyText().contains("Strategy approved").contains("state-approved")
                .doesNotContain("Strategy (pending");

        MvcTestResult noReason = htmxPost(approver, base + id(body, "Content") + "/reject").param("reason", "   ").exchange();
        assertThat(noReason).hasStatusOk().bodyText().contains("reject-inline").contains("Why reject Content?")
                .contains("The reason must say why it is rejected").contains("aria-invalid=\"true\"")
                .contains("Content (pending, stage 1 of 1)");

        MvcTestResult rejected = htmxPost(approver, base + id(body, "Content") + "/reject")
                .param("reason", "The headline overpromises").exchange();
        assertThat(rejected).hasStatusOk().bodyText().contains("Content rejected").contains("Rejected:</strong>")
                .contains("The headline overpromises").contains("Content (rejected)").doesNotContain("reject-inline");
        // Deciding twice is refused in the panel, not with an error page.
        assertThat(htmxPost(approver, base + id(body, "Content") + "/approve").exchange()).hasStatusOk().bodyText()
                .contains("role=\"alert\"").contains("Cannot approve an approval that is rejected");

        assertThat(panel(contributor, campaign)).contains("Request review of Content");
        assertThat(htmxPost(contributor, base + id(body, "Content") + "/request-review").param("comment", "Toned down")
                .exchange()).hasStatusOk().bodyText().contains("Content is back in review").contains("Needs review");
        for (String scope : List.of("Content", "Schedule", "Ads")) {
            assertThat(htmxPost(approver, base + id(body, scope) + "/approve").exchange()).hasStatusOk();
        }
        assertThat(panel(contributor, campaign)).contains("Ready to publish").doesNotContain("Blocked by");
        // approved scopes do not make a post submitted since then ready: the card names what still waits
        workspaces.as(owner, () -> approvals.submit(new ItemSubmission(UUID.fromString(campaign), "content", "creative",
                UUID.randomUUID(), "Launch teaser", 3, null)));
        assertThat(panel(contributor, campaign)).doesNotContain("Ready to publish")
                .contains("Every scope is approved; one item still waits:").contains("Launch teaser (pending)");

        // Without htmx the same form posts and comes back to the campaign page with a toast.
        MvcTestResult plain = mvc.post().uri(base + id(body, "Ads") + "/approve").session(approver).with(csrf()).exchange();
        assertThat(plain).hasStatus3xxRedirection().hasRedirectedUrl("/campaigns/" + campaign + "/tabs/approvals#approvals");
        assertThat(((Flash) plain.getMvcResult().getFlashMap().get(Flash.KEY)).kind()).isEqualTo("error");
    }

    @Test
    void overdueStagesAreMarkedEscalationIsShownAndItemsAreListed() {
        Member owner = workspaces.workspace("Overdue panel");
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Late campaign", "URGENT");
        htmxPost(ownerSession, "/campaigns/" + campaign + "/approvals/start").exchange();
        workspaces.as(owner, () -> approvals.submit(new ItemSubmission(UUID.fromString(campaign), "content", "creative",
                UUID.randomUUID(), "Hero banner", 12, null)));
        MockHttpSession manager = signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(page(manager, "/approvals")).contains("Nothing waits for you");
        try {
            clock.advance(Duration.ofHours(30));
            assertThat(panel(ownerSession, campaign)).contains("due due-overdue").contains("overdue by 26 hours")
                    .contains("Items under review").contains("Hero banner").contains(">creative<");
            workspaces.as(owner, escalation::escalateOverdue);
            assertThat(panel(ownerSession, campaign)).contains("Escalated to Managers");
            // Escalated stages reach the escalation target's inbox, overdue ones highlighted.
            assertThat(page(manager, "/approvals")).contains("5 waiting for you").contains("class=\"overdue\"")
                    .contains("Hero banner").contains("Escalated to Managers");
        } finally {
            clock.reset();
        }
    }

    // ---- inbox and delegations -------------------------------------------------------------------------------------

    @Test
    void theInboxListsWhatIsRoutedToTheMemberAndDecidesInPlace() {
        Member owner = workspaces.workspace("Inbox");
        Member legal = workspaces.addMember(owner, Role.APPROVER);
        // Content goes to one named approver only; the other scopes to every approver.
        workspaces.as(owner, () -> setup.changeScope("content", new ScopeChange(null, null, null, null,
                List.of(new StageRule("Legal", null, List.of(legal.userId()), 1, Role.MANAGER, null))), null));
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Inbox campaign", "LOW");
        htmxPost(ownerSession, "/campaigns/" + campaign + "/approvals/start").exchange();

        MockHttpSession legalSession = signIn(legal);
        MockHttpSession other = signIn(workspaces.addMember(owner, Role.APPROVER));
        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        MockHttpSession viewer = signIn(workspaces.addMember(owner, Role.VIEWER));

        String legalInbox = page(legalSession, "/approvals");
        assertThat(legalInbox).contains("4 waiting for you").contains("Inbox campaign").contains(">Content</a>")
                .contains("Legal").contains("due in 7 days").contains("Delegate while you are away")
                .contains("href=\"/approvals\"");
        String otherInbox = page(other, "/approvals");
        assertThat(otherInbox).contains("3 waiting for you").doesNotContain(">Content</a>").contains(">Strategy</a>");
        assertThat(page(contributor, "/approvals")).contains("Nothing waits for you");
        assertThat(page(viewer, "/approvals")).contains("Nothing waits for you")
                .contains("Viewers approve nothing").doesNotContain("name=\"delegateId\"");

        String content = id(legalInbox, "Content");
        MvcTestResult noReason = htmxPost(legalSession, "/approvals/inbox/" + content + "/reject").param("reason", "")
                .exchange();
        assertThat(noReason).hasStatusOk().bodyText().contains("id=\"inbox-row-" + content + "\"")
                .contains("The reason must say why").contains("open=\"open\"").doesNotContain("<html");
        assertThat(htmxPost(legalSession, "/approvals/inbox/" + content + "/reject").param("reason", "Claims need a source")
                .exchange()).hasStatusOk().bodyText().contains("Rejected</span>").contains("id=\"inbox-live\"")
                .doesNotContain("Approve Content");
        String strategy = id(legalInbox, "Strategy");
        assertThat(htmxPost(legalSession, "/approvals/inbox/" + strategy + "/approve").exchange()).hasStatusOk().bodyText()
                .contains("Approved ✓").contains("Strategy (Inbox campaign): approved");

        assertThat(page(legalSession, "/approvals")).contains("2 waiting for you").doesNotContain(">Content</a>");
        assertThat(page(other, "/approvals")).contains("2 waiting for you").doesNotContain(">Strategy</a>");
        // Paging with htmx answers the list alone.
        assertThat(mvc.get().uri("/approvals?page=0").header("HX-Request", "true").session(other).exchange()).hasStatusOk()
                .bodyText().contains("id=\"inbox-results\"").doesNotContain("<html").doesNotContain("Delegate while");
    }

    @Test
    void aMemberDelegatesWhileAwayAndEndsItEarly() {
        Member owner = workspaces.workspace("Delegations");
        Member away = workspaces.addMember(owner, Role.APPROVER);
        Member standIn = workspaces.addMember(owner, Role.MANAGER);
        MockHttpSession session = signIn(away);

        MvcTestResult missing = mvc.post().uri("/approvals/delegations").session(session).with(csrf())
                .param("delegateId", "").param("from", "2031-01-01").param("until", "2031-01-05").exchange();
        assertThat(missing).hasStatusOk().bodyText().contains("must name the member who stands in")
                .contains("aria-invalid=\"true\"").contains("Nothing waits for you");

        assertThat(mvc.post().uri("/approvals/delegations").session(session).with(csrf())
                .param("delegateId", standIn.userId().toString()).param("from", "soon").param("until", "2031-01-05")
                .exchange()).hasStatusOk().bodyText().contains("is not valid").contains("Delegate while you are away");

        String from = java.time.LocalDate.now().toString();
        String until = java.time.LocalDate.now().plusDays(3).toString();
        MvcTestResult saved = mvc.post().uri("/approvals/delegations").session(session).with(csrf())
                .param("delegateId", standIn.userId().toString()).param("from", from).param("until", until)
                .param("note", "Conference week").exchange();
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/approvals#delegations");
        String page = page(session, "/approvals");
        assertThat(page).contains("You → A Manager").contains("Conference week").contains("badge delegation-active")
                .contains("End now");
        assertThat(page(signIn(standIn), "/approvals")).contains("→ you").contains("End now");

        String delegation = find(page, "/approvals/delegations/([0-9a-f-]{36})/revoke");
        assertThat(mvc.post().uri("/approvals/delegations/" + delegation + "/revoke").session(session).with(csrf())
                .exchange()).hasStatus3xxRedirection();
        assertThat(page(session, "/approvals")).contains("Revoked").doesNotContain("End now");
    }

    // ---- the detail page -------------------------------------------------------------------------------------------

    @Test
    void theDetailPageShowsStagesHistoryAndTheCommentThread() {
        Member owner = workspaces.workspace("Detail page");
        MockHttpSession ownerSession = signIn(owner);
        Member approverMember = workspaces.addMember(owner, Role.APPROVER);
        MockHttpSession approver = signIn(approverMember);
        String campaign = createCampaign(ownerSession, "Detailed campaign", "MEDIUM");
        String body = Json.body(htmxPost(ownerSession, "/campaigns/" + campaign + "/approvals/start").exchange());
        String content = id(body, "Content");
        htmxPost(approver, "/campaigns/" + campaign + "/approvals/" + content + "/reject").param("reason", "Wrong logo")
                .exchange();

        String detail = page(ownerSession, "/approvals/" + content);
        assertThat(detail).contains("<h1><span>Content</span>").contains("href=\"/campaigns/" + campaign + "\"")
                .contains("Detailed campaign").contains("state-rejected").contains("Approvers · 1 approval")
                .contains("Wrong logo").contains("Request review").contains("id=\"history\"").contains("A Approver")
                .contains("rejected").contains("requested review").contains("Change request")
                .contains("This is a change request").contains("External reviewers");

        MvcTestResult blank = htmxPost(ownerSession, "/approvals/" + content + "/comments").param("body", " ").exchange();
        assertThat(blank).hasStatusOk().bodyText().contains("The comment must be 1 to 4000 characters")
                .contains("id=\"comments\"").doesNotContain("<html");

        MvcTestResult posted = htmxPost(ownerSession, "/approvals/" + content + "/comments")
                .param("body", "@A Approver the logo is fixed").exchange();
        assertThat(posted).hasStatusOk().bodyText().contains("<mark class=\"mention\">@A Approver</mark> the logo is fixed")
                .contains("Comment posted").doesNotContain("<html");
        String thread = Json.body(posted);
        String first = find(thread, "id=\"comment-([0-9a-f-]{36})\"");
        MvcTestResult reply = htmxPost(approver, "/approvals/" + content + "/comments").param("parentId", first)
                .param("body", "Please also shorten the intro").param("changeRequest", "true").exchange();
        assertThat(reply).hasStatusOk().bodyText().contains("comment-replies").contains("Please also shorten the intro")
                .contains("Change request posted");
        assertThat(htmxPost(ownerSession, "/approvals/" + content + "/comments/" + first + "/resolve").exchange())
                .hasStatusOk().bodyText().contains("Marked as resolved").contains("comment change-request resolved");

        assertThat(mvc.get().uri("/approvals/" + content + "?page=0").header("HX-Request", "true").session(ownerSession)
                .exchange()).hasStatusOk().bodyText().contains("id=\"history\"").contains("Wrong logo")
                .doesNotContain("<html");

        // The detail page's own actions post and come back with a toast.
        MvcTestResult again = mvc.post().uri("/approvals/" + content + "/request-review").session(ownerSession)
                .with(csrf()).param("comment", "Logo replaced").exchange();
        assertThat(again).hasStatus3xxRedirection().hasRedirectedUrl("/approvals/" + content);
        assertThat(page(approver, "/approvals/" + content)).contains("state-needs-review").contains("Logo replaced")
                .contains("data-open-dialog=\"dialog-reject\"");
        MvcTestResult noReason = mvc.post().uri("/approvals/" + content + "/reject").session(approver).with(csrf())
                .param("reason", "").exchange();
        assertThat(((Flash) noReason.getMvcResult().getFlashMap().get(Flash.KEY)).message())
                .isEqualTo("Not rejected: the reason must say why it is rejected, so the requester can address it");
    }

    @Test
    void aReviewerLinkIsShownOnceAndOpensThePublicReviewPage() {
        Member owner = workspaces.workspace("Reviewer links");
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Client campaign", "MEDIUM");
        String body = Json.body(htmxPost(ownerSession, "/campaigns/" + campaign + "/approvals/start").exchange());
        String schedule = id(body, "Schedule");

        MvcTestResult invalid = htmxPost(ownerSession, "/approvals/" + schedule + "/reviewer-links").param("name", "Lee")
                .param("email", "not-an-email").exchange();
        assertThat(invalid).hasStatusOk().bodyText().contains("The email must be an email address")
                .doesNotContain("/review/");
        MvcTestResult created = htmxPost(ownerSession, "/approvals/" + schedule + "/reviewer-links")
                .param("name", "Lee Client").param("email", "lee@example.com").param("canApprove", "true")
                .param("days", "3").exchange();
        String links = Json.body(created);
        assertThat(links).contains("Copy the link for <strong>Lee Client</strong>").contains("Approve or reject")
                .contains("data-copy=\"created-link-url\"");
        String token = find(links, LINK_URL.pattern());
        assertThat(page(ownerSession, "/approvals/" + schedule)).contains("Lee Client").doesNotContain(token);

        MockHttpSession visitor = new MockHttpSession();
        MvcTestResult review = mvc.get().uri("/review/" + token).session(visitor).exchange();
        assertThat(review).hasStatusOk().bodyText().contains("Client campaign").contains("review for Lee Client")
                .contains("Schedule").contains("Waiting in Review: 0 of 1 approval").contains(">Approve</button>")
                .contains("Or reject it, saying why").doesNotContain("Sign in");

        assertThat(mvc.post().uri("/review/" + token + "/comments").session(visitor).with(csrf())
                .param("body", "Can we move the Tuesday post?").exchange()).hasStatus3xxRedirection()
                .hasRedirectedUrl("/review/" + token);
        MvcTestResult noReason = mvc.post().uri("/review/" + token + "/reject").session(visitor).with(csrf())
                .param("reason", " ").exchange();
        assertThat(noReason).hasStatusOk().bodyText().contains("Say why you reject it").contains("Can we move the Tuesday post?");
        assertThat(mvc.post().uri("/review/" + token + "/approve").session(visitor).with(csrf()).param("comment", "Fine by us")
                .exchange()).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/review/" + token).session(visitor).exchange()).hasStatusOk().bodyText()
                .contains("state-approved").doesNotContain(">Approve</button>");
        assertThat(page(ownerSession, "/approvals/" + schedule)).contains("Lee Client (external reviewer)")
                .contains("Can we move the Tuesday post?");

        String link = find(page(ownerSession, "/approvals/" + schedule), "/reviewer-links/([0-9a-f-]{36})/revoke");
        assertThat(htmxPost(ownerSession, "/approvals/" + schedule + "/reviewer-links/" + link + "/revoke").exchange())
                .hasStatusOk().bodyText().contains("Revoked").contains("no longer works");
        assertThat(mvc.get().uri("/review/" + token).session(visitor).exchange()).hasStatus(404).bodyText()
                .contains("This review link has expired or was revoked").doesNotContain("Client campaign");
        assertThat(mvc.get().uri("/review/not-a-token").exchange()).hasStatus(404).bodyText()
                .contains("This review link has expired or was revoked");
        assertThat(mvc.post().uri("/review/not-a-token/comments").with(csrf()).param("body", "hi").exchange())
                .hasStatus(404);
    }

    @Test
    void anExpiredReviewerLinkAnswersTheExpiredPage() {
        Member owner = workspaces.workspace("Expired links");
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Short-lived", "MEDIUM");
        String body = Json.body(htmxPost(ownerSession, "/campaigns/" + campaign + "/approvals/start").exchange());
        String links = Json.body(htmxPost(ownerSession, "/approvals/" + id(body, "Ads") + "/reviewer-links")
                .param("name", "Legal").param("days", "1").exchange());
        String token = find(links, LINK_URL.pattern());
        assertThat(mvc.get().uri("/review/" + token).exchange()).hasStatusOk().bodyText().contains("Add a comment")
                .doesNotContain("Your decision");
        try {
            clock.advance(Duration.ofDays(2));
            assertThat(mvc.get().uri("/review/" + token).exchange()).hasStatus(404).bodyText()
                    .contains("This review link has expired or was revoked");
        } finally {
            clock.reset();
        }
    }

    // ---- settings --------------------------------------------------------------------------------------------------

    @Test
    void theSettingsSaveAScopeAndShowValidationErrorsBesideTheRow() {
        Member owner = workspaces.workspace("Approval settings");
        MockHttpSession session = signIn(owner);
        assertThat(page(session, "/settings/approvals")).contains("Approval settings").contains("Strategy")
                .contains("Auto-approval rules").contains("value=\"72\"").doesNotContain("Edit Content</h2>");
        assertThat(page(session, "/settings/approvals?edit=content")).contains("Edit Content</h2>")
                .contains("name=\"stages[0].name\" value=\"Review\"").contains("name=\"stages[2].name\"")
                .doesNotContain("name=\"stages[3].name\"");

        // Row 1 is left empty (skipped), row 2 is new and wrong: the error lands on row 2, not on the service's index 1.
        MvcTestResult wrong = scopeForm(session).param("stages[2].name", "Legal").param("stages[2].approverRole", "")
                .param("stages[2].requiredApprovals", "1").exchange();
        assertThat(wrong).hasStatusOk().bodyText().contains("name a role or at least one member who approves")
                .contains("id=\"stage-2-role\" name=\"stages[2].approverRole\" aria-invalid=\"true\"")
                .contains("value=\"Legal\"");
        MvcTestResult zero = scopeForm(session).param("stages[1].name", "Legal").param("stages[1].approverRole", "APPROVER")
                .param("stages[1].requiredApprovals", "0").exchange();
        assertThat(zero).hasStatusOk().bodyText().contains("must be between 1 and 20")
                .contains("name=\"stages[1].requiredApprovals\" value=\"0\" aria-invalid=\"true\"");

        MvcTestResult saved = scopeForm(session).param("name", "Copy and claims").param("stages[1].name", "Legal")
                .param("stages[1].approverIds", owner.userId().toString()).param("stages[1].approverRole", "")
                .param("stages[1].requiredApprovals", "1").param("stages[1].escalateToRole", "ADMIN").exchange();
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/settings/approvals");
        assertThat(page(session, "/settings/approvals")).contains("Copy and claims").contains("<strong>Legal</strong>")
                .contains("1 named member, 1 needed");

        assertThat(mvc.post().uri("/settings/approvals/scopes/ads/enabled").session(session).with(csrf())
                .param("enabled", "false").exchange()).hasStatus3xxRedirection();
        assertThat(page(session, "/settings/approvals")).contains("scope-disabled").contains("Enable Ads");
        assertThat(mvc.post().uri("/settings/approvals/scopes").session(session).with(csrf()).param("name", "Legal")
                .param("key", "Legal!").exchange()).hasStatusOk().bodyText().contains("Key must be 2 to 40 lower-case letters");
        assertThat(mvc.post().uri("/settings/approvals/scopes").session(session).with(csrf()).param("name", "Legal")
                .param("key", "legal").exchange()).hasStatus3xxRedirection()
                .hasRedirectedUrl("/settings/approvals?edit=legal#scope-editor");

        assertThat(mvc.post().uri("/settings/approvals/deadlines").session(session).with(csrf()).param("urgentHours", "0")
                .param("highHours", "12").param("normalHours", "48").param("lowHours", "abc").exchange()).hasStatusOk()
                .bodyText().contains("must be a whole number");
        assertThat(mvc.post().uri("/settings/approvals/deadlines").session(session).with(csrf()).param("urgentHours", "0")
                .param("highHours", "12").param("normalHours", "48").param("lowHours", "96").exchange()).hasStatusOk()
                .bodyText().contains("must be between 1 and 2160 hours");
        assertThat(mvc.post().uri("/settings/approvals/deadlines").session(session).with(csrf()).param("urgentHours", "2")
                .param("highHours", "12").param("normalHours", "48").param("lowHours", "96").exchange())
                .hasStatus3xxRedirection();
        assertThat(page(session, "/settings/approvals")).contains("value=\"48\"");
        assertThat(mvc.post().uri("/settings/approvals/rules").session(session).with(csrf()).param("name", "Wordy")
                .param("maxWords", "many").exchange()).hasStatusOk().bodyText().contains("must be a whole number")
                .contains("value=\"Wordy\"");

        assertThat(mvc.post().uri("/settings/approvals/rules").session(session).with(csrf()).param("name", "Anything")
                .exchange()).hasStatusOk().bodyText().contains("a rule needs at least one condition");
        assertThat(mvc.post().uri("/settings/approvals/rules").session(session).with(csrf()).param("name", "Short posts")
                .param("scope", "content").param("maxWords", "40").param("campaignPriorities", "LOW")
                .param("afterMinutes", "30").exchange()).hasStatus3xxRedirection();
        String rules = page(session, "/settings/approvals");
        assertThat(rules).contains("Short posts").contains("up to 40 words").contains("Low priority campaigns")
                .contains("after 30 min");
        String rule = find(rules, "/settings/approvals/rules/([0-9a-f-]{36})/delete");
        assertThat(mvc.post().uri("/settings/approvals/rules/" + rule + "/enabled").session(session).with(csrf())
                .param("enabled", "false").exchange()).hasStatus3xxRedirection();
        assertThat(page(session, "/settings/approvals")).contains("rule-paused");
        assertThat(mvc.post().uri("/settings/approvals/rules/" + rule + "/delete").session(session).with(csrf())
                .exchange()).hasStatus3xxRedirection();
        assertThat(page(session, "/settings/approvals")).doesNotContain("<strong>Short posts</strong>");

        MockHttpSession manager = signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(mvc.get().uri("/settings/approvals").session(manager).exchange()).hasStatusOk();
        MockHttpSession contributor = signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        assertThat(mvc.get().uri("/settings/approvals").session(contributor).exchange()).hasStatus(403);
        assertThat(mvc.post().uri("/settings/approvals/deadlines").session(contributor).with(csrf())
                .param("urgentHours", "1").exchange()).hasStatus(403);
    }

    // ---- roles and tenancy -----------------------------------------------------------------------------------------

    @Test
    void viewersCannotChangeAnythingAndAnotherWorkspaceSeesNotFound() {
        Member owner = workspaces.workspace("Approval roles");
        MockHttpSession ownerSession = signIn(owner);
        String campaign = createCampaign(ownerSession, "Guarded", "MEDIUM");
        String body = Json.body(htmxPost(ownerSession, "/campaigns/" + campaign + "/approvals/start").exchange());
        String content = id(body, "Content");
        MockHttpSession viewer = signIn(workspaces.addMember(owner, Role.VIEWER));

        assertThat(page(viewer, "/approvals/" + content)).contains("Content").doesNotContain("Add a comment")
                .doesNotContain("Invite a reviewer").doesNotContain("Request review");
        for (String path : List.of("/campaigns/" + campaign + "/approvals/start",
                "/campaigns/" + campaign + "/approvals/" + content + "/approve",
                "/campaigns/" + campaign + "/approvals/" + content + "/reject", "/approvals/inbox/" + content + "/approve",
                "/approvals/" + content + "/approve", "/approvals/" + content + "/comments",
                "/approvals/" + content + "/reviewer-links")) {
            assertThat(mvc.post().uri(path).session(viewer).with(csrf()).param("reason", "no").param("body", "hi")
                    .param("name", "x").exchange()).as(path).hasStatus(403);
        }

        MockHttpSession stranger = signIn(workspaces.workspace("Other approvals"));
        MvcTestResult detail = mvc.get().uri("/approvals/" + content).accept(MediaType.TEXT_HTML).session(stranger).exchange();
        assertThat(detail).hasStatus(404).bodyText().contains("<html").contains("The approval was not found")
                .doesNotContain("Guarded");
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/approvals/panel").header("HX-Request", "true")
                .session(stranger).exchange()).hasStatus(404);
        assertThat(htmxPost(stranger, "/approvals/inbox/" + content + "/approve").exchange()).hasStatus(404);
        assertThat(htmxPost(stranger, "/approvals/" + content + "/comments").param("body", "hello").exchange())
                .hasStatus(404);
        // The id of one campaign's approval under another campaign of the same workspace is not found either.
        String second = createCampaign(ownerSession, "Second", "MEDIUM");
        assertThat(htmxPost(ownerSession, "/campaigns/" + second + "/approvals/" + content + "/approve").exchange())
                .hasStatus(404);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private String createCampaign(MockHttpSession session, String name, String priority) {
        MvcTestResult result = mvc.post().uri("/campaigns").session(session).with(csrf()).param("name", name)
                .param("type", "OTHER").param("priority", priority).exchange();
        assertThat(result).hasStatus3xxRedirection();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).session(session).exchange()).hasStatusOk(); // uses up the flash
        return location.substring("/campaigns/".length());
    }

    private MockMvcRequestBuilder htmxPost(MockHttpSession session, String path) {
        return mvc.post().uri(path).session(session).with(csrf()).header("HX-Request", "true");
    }

    private String panel(MockHttpSession session, String campaign) {
        MvcTestResult result = mvc.get().uri("/campaigns/" + campaign + "/approvals/panel").header("HX-Request", "true")
                .session(session).exchange();
        assertThat(result).hasStatusOk();
        return Json.body(result);
    }

    private String page(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).session(session).exchange();
        assertThat(result).hasStatusOk();
        return Json.body(result);
    }

    /** The scope form for "content" as the editor posts it: the existing stage, then two empty rows. */
    private MockMvcRequestBuilder scopeForm(MockHttpSession session) {
        return mvc.post().uri("/settings/approvals/scopes/content").session(session).with(csrf())
                .param("name", "Content").param("enabled", "true").param("_enabled", "on")
                .param("followsStrategy", "true").param("_followsStrategy", "on")
                .param("stages[0].existing", "true").param("stages[0].name", "Review")
                .param("stages[0].approverRole", "APPROVER").param("stages[0].requiredApprovals", "1")
                .param("stages[0].escalateToRole", "MANAGER")
                .param("stages[1].existing", "false").param("stages[2].existing", "false");
    }

    /** The approval id behind a scope's or item's link in the panel or inbox. */
    private static String id(String html, String title) {
        return find(html, "href=\"/approvals/([0-9a-f-]{36})\">" + Pattern.quote(title) + "<");
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("%s in the page", regex).isTrue();
        return m.group(1);
    }
}
