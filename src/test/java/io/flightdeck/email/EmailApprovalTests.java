package io.flightdeck.email;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.email.EmailReadinessTests.detail;
import static io.flightdeck.email.EmailReadinessTests.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email goes out exactly as approved: it is an item of its campaign's content review, approval is of one revision
 * (subject, preheader, body, each A/B variant, the sender, the audience), and a change after approval makes a new
 * revision that waits for its own approval while the rest of the campaign goes on. The approver sees the email as
 * its recipients will. Each case failed before: the send gate asked only whether the content scope was approved.
 */
@FlightdeckTest
class EmailApprovalTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;

    private ApprovalRequests requests;
    private Member owner;
    private Member approver;
    private String campaign;
    private String list;
    private String ana;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Email review");
        approver = workspaces.addMember(owner, Role.APPROVER);
        // this workspace reviews content; the other scopes are not what these tests are about
        for (String scope : List.of("strategy", "ads", "schedule")) {
            assertThat(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")).hasStatusOk();
        }
        campaign = requests.campaign(owner, "Spring mail");
        requests.makeReady(owner, campaign);
        requests.initialized(owner, campaign);
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Roastery", "fromAddress",
                "news@roastery.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        ana = TestWorkspaces.uniqueEmail("ana");
        MvcTestResult contact = api.as(owner).post("/api/v1/email/contacts", Map.of("email", ana,
                "name", "Ana Lima", "consent", Map.of("source", "FORM", "evidence", "Signed up on the form")));
        assertThat(contact).hasStatus(201);
        list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Regulars")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds",
                List.of(Json.<String>read(contact, "$.id"))))).hasStatusOk();
    }

    @Test
    void anEmailRewrittenAfterApprovalWaitsForItsOwnApprovalAndThenGoesOutAsApproved() {
        String email = email("Spring news", "<p>Hello {{first_name | \"there\"}}, the spring roast is here.</p>");
        assertThat(requestApproval(email)).hasStatusOk();
        // the approver's inbox says what the email is, not only its name (Slack's request shows the same sentence)
        await().atMost(Duration.ofSeconds(20)).until(() -> Json.<List<String>>read(api.as(approver)
                .get("/api/v1/notifications?size=50"), "$.items[*].body").stream().anyMatch(body -> body != null
                && body.contains("Revision 1: “News for Alex” from Roastery <news@roastery.example> to List "
                + "“Regulars”, 1 person now")));
        // the approver approves every scope, which decides what waits in it: this email's revision 1 with it
        assertThat(requests.approve(approver, requests.scopeId(owner, campaign, "content"))).hasStatusOk();
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("DONE");

        // the manager rewrites the body: revision 2, back in review on its own; the campaign stays live
        MvcTestResult current = api.as(owner).get("/api/v1/email/campaigns/" + email);
        MvcTestResult rewritten = api.as(owner).ifMatch(current.getResponse().getHeader("ETag"))
                .patch("/api/v1/email/campaigns/" + email, Map.of("html", "<p>Hello {{first_name | \"there\"}}, "
                        + "everything is half price, today only.</p>"));
        assertThat(rewritten).hasStatusOk();
        assertThat((Integer) Json.read(rewritten, "$.revision")).isEqualTo(2);
        assertThat(requests.state(owner, item(email))).isEqualTo("NEEDS_REVIEW");
        testSend(email);
        assertThat(state(readiness(email), "email-approval")).isEqualTo("BLOCKED");
        assertThat(detail(readiness(email), "email-approval")).contains("Revision 2 waits for approval");
        MvcTestResult refused = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send");
        assertThat(refused).hasStatus(409);
        assertThat((List<String>) Json.read(refused, "$.blockers")).anyMatch(b -> b.contains("Revision 2 waits"));
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status"))
                .isEqualTo("DRAFT");

        // the approver sees revision 2 as Ana will, and approves it; then it goes, with the rewritten text
        String page = web.page(web.signIn(approver), "/approvals/" + item(email));
        assertThat(page).contains("everything is half price", "At a phone's width", "List “Regulars”", "1 person",
                "Roastery &lt;news@roastery.example&gt;");
        assertThat(requests.approve(approver, item(email))).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("DONE");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status")));
        assertThat(outboxText(ana)).contains("Hello Ana, everything is half price")
                .doesNotContain("the spring roast is here");
    }

    @Test
    void aNewEmailInALiveCampaignWaitsForItsOwnReviewAndIsWokenWhenApproved() {
        assertThat(requests.approve(approver, requests.scopeId(owner, campaign, "content"))).hasStatusOk();
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        String email = email("Late addition", "<p>Hello {{first_name | \"there\"}}, one more thing.</p>");
        testSend(email);
        // never sent for approval: it neither goes nor schedules
        assertThat(detail(readiness(email), "email-approval")).contains("Revision 1 was never sent for approval");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(409);
        Instant soon = Instant.now().plus(2, ChronoUnit.SECONDS);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/schedule", Map.of("at", soon.toString())))
                .hasStatus(409);

        // in review, a schedule waits for the decision; the approval wakes it rather than the minute's recheck
        assertThat(requestApproval(email)).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/schedule", Map.of("at", soon.toString())))
                .hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> !Json.<List<String>>read(
                api.as(owner).get("/api/v1/email/campaigns/" + email), "$.blockers").isEmpty());
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status"))
                .isEqualTo("SCHEDULED");
        assertThat(requests.approve(approver, item(email))).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status")));
        assertThat(outboxText(ana)).contains("Hello Ana, one more thing.");
    }

    @Test
    void aChangedSenderOrVariantIsANewRevisionToApprove() {
        String email = email("Sender news", "<p>Hello {{first_name | \"there\"}}.</p>");
        assertThat(requestApproval(email)).hasStatusOk();
        assertThat(requests.approve(approver, item(email))).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("DONE");

        // the workspace's sender changes outside the email: what would leave is not what was approved
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Roastery Deals", "fromAddress",
                "news@roastery.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("BLOCKED");
        assertThat(detail(readiness(email), "email-approval")).contains("changed since Revision 1");
        MvcTestResult again = requestApproval(email);
        assertThat((Integer) Json.read(again, "$.revision")).isEqualTo(2);
        assertThat(requests.approve(approver, item(email))).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("DONE");

        // an A/B variant is part of what recipients get
        assertThat(api.as(owner).put("/api/v1/email/campaigns/" + email + "/ab-test", Map.of("testShare", 20,
                "variants", List.of(Map.of("subject", "A second subject"))))).hasStatusOk();
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.revision"))
                .isEqualTo(3);
        assertThat(requests.state(owner, item(email))).isEqualTo("NEEDS_REVIEW");
        assertThat(web.page(web.signIn(approver), "/approvals/" + item(email))).contains("Variant B",
                "A second subject");
    }

    @Test
    void theEmailsPageOffersToSendItForApprovalAndSaysWhatItWaitsFor() {
        String email = email("Page news", "<p>Hello {{first_name | \"there\"}}.</p>");
        MockHttpSession session = web.signIn(owner);
        String review = "/email/campaigns/" + email + "?step=review";
        assertThat(web.page(session, review)).contains("Revision 1 was never sent for approval", "Send for approval");
        assertThat(web.post(session, "/email/campaigns/" + email + "/request-approval")).hasStatus3xxRedirection();
        assertThat(web.page(session, review)).contains("Revision 1 waits for approval")
                .doesNotContain(">Send for approval<");
        assertThat(requests.state(owner, item(email))).isEqualTo("PENDING");
    }

    @Test
    void aViewerCannotSendItForApprovalAndAnotherWorkspaceDoesNotFindIt() {
        String email = email("Guarded", "<p>Hi.</p>");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/email/campaigns/" + email + "/request-approval")).hasStatus(403);
        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(api.as(stranger).post("/api/v1/email/campaigns/" + email + "/request-approval")).hasStatus(404);
        assertThat(api.as(owner).put("/api/v1/approval-scopes/content", "{\"enabled\":false}")).hasStatusOk();
        MvcTestResult unneeded = requestApproval(email);
        assertThat(unneeded).hasStatus(409);
        assertThat((String) Json.read(unneeded, "$.type")).endsWith("/approval-not-needed");
        assertThat(detail(readiness(email), "email-approval")).contains("does not review content");
    }

    private String email(String name, String html) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", name, "subject", "News for {{first_name | \"you\"}}", "html", html, "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        assertThat((Integer) Json.read(made, "$.revision")).isEqualTo(1);
        return Json.read(made, "$.id");
    }

    private MvcTestResult requestApproval(String email) {
        return api.as(owner).post("/api/v1/email/campaigns/" + email + "/request-approval");
    }

    private void testSend(String email) {
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
    }

    private MvcTestResult readiness(String email) {
        MvcTestResult answer = api.as(owner).get("/api/v1/email/campaigns/" + email + "/readiness");
        assertThat(answer).hasStatusOk();
        return answer;
    }

    /** The email's approval item in its campaign's content review. */
    private String item(String email) {
        MvcTestResult items = api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign + "/approval-items?size=100");
        List<String> ids = Json.read(items, "$.items[?(@.itemId=='" + email + "')].id");
        assertThat(ids).as("the approval item of " + email).hasSize(1);
        return ids.get(0);
    }

    private String outboxText(String to) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<List<String>>read(api.as(owner)
                .get("/api/v1/mail-outbox?size=100"), "$.items[?(@.to == '" + to + "')].key").isEmpty());
        List<String> keys = Json.read(api.as(owner).get("/api/v1/mail-outbox?size=100"),
                "$.items[?(@.to == '" + to + "')].key");
        return Json.read(api.as(owner).get("/api/v1/mail-outbox/" + keys.get(0)), "$.text");
    }
}
