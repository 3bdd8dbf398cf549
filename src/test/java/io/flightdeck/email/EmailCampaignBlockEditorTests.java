package io.flightdeck.email;

import java.time.Duration;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.email.EmailReadinessTests.detail;
import static io.flightdeck.email.EmailReadinessTests.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email campaign's own block editor on the server: a block-built save takes the HTML form's path, so after approval
 * it makes a new revision that waits for its own approval (and a save that sends the same HTML makes none); an HTML
 * edit drops the design; a sent email refuses the editor as it refuses the HTML form; another workspace finds nothing
 * and a viewer neither sees nor saves it. Also the planned send time a campaign template gives an email, on its pages
 * and in the API.
 */
@FlightdeckTest
class EmailCampaignBlockEditorTests {

    private static final String DESIGN = "{\"pages\":[{\"frames\":[{\"component\":{\"type\":\"wrapper\",\"components\":"
            + "[{\"tagName\":\"p\",\"content\":\"design-marker\"}]}}]}],\"styles\":[]}";
    private static final String HTML = "<!DOCTYPE html><html><head><title></title></head>"
            + "<body style=\"background-color: #f3f4f6; margin: 0\">"
            + "<table role=\"presentation\" width=\"100%\"><tr><td style=\"padding: 16px; color: #111827;\">"
            + "<h2 style=\"margin: 0;\">Ride into spring</h2></td></tr>"
            + "<tr><td style=\"font-size: 12px;\"><p>{{postal_address}}</p>"
            + "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p></td></tr></table></body></html>";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;

    private ApprovalRequests requests;
    private Member owner;
    private String campaign;
    private String list;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Email blocks review");
        for (String scope : List.of("strategy", "ads", "schedule")) {
            assertThat(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")).hasStatusOk();
        }
        campaign = requests.campaign(owner, "Block mail");
        requests.makeReady(owner, campaign);
        requests.initialized(owner, campaign);
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Roastery", "fromAddress",
                "news@roastery.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        MvcTestResult contact = api.as(owner).post("/api/v1/email/contacts", Map.of("email",
                TestWorkspaces.uniqueEmail("ana"), "name", "Ana Lima", "consent", Map.of("source", "FORM",
                        "evidence", "Signed up on the form")));
        list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Regulars")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds",
                List.of(Json.<String>read(contact, "$.id"))))).hasStatusOk();
    }

    @Test
    void aBlockSaveAfterApprovalIsARevisionThatWaitsForItsOwnApproval() {
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String email = email("Spring news");
        String blocks = "/email/campaigns/" + email + "/blocks";
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, blocks)).contains("id=\"blocks-editor\"", "/js/email-blocks.js",
                "data-picks=\"" + blocks + "\"", "Hello {{first_name", "Save email", "Revision 1")
                .doesNotContain("data-design=");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/request-approval")).hasStatusOk();
        assertThat(requests.approve(approver, item(email))).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("DONE");

        MvcTestResult saved = web.post(session, blocks, "design", DESIGN, "html", HTML, "version", version(email));
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(saved.getMvcResult().getFlashMap().get("flash").toString())
                .contains("Email saved as revision 2: it needs its own approval");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.revision"))
                .isEqualTo(2);
        assertThat(requests.state(owner, item(email))).isEqualTo("NEEDS_REVIEW");
        assertThat(detail(readiness(email), "email-approval")).contains("Revision 2 waits for approval");
        String page = web.page(session, blocks);
        assertThat(page).contains("design-marker", "Revision 2");
        // the text part sent beside the HTML, and the preview as a contact would get it, at a phone's width
        assertThat(page.substring(page.indexOf("id=\"blocks-text\""))).contains("Ride into spring",
                "Unsubscribe ({{unsubscribe_url}})");
        assertThat(web.fragment(session, blocks + "/preview?view=mobile")).contains("Ride into spring",
                "1 Main St, Lisbon", "width=\"375\"", "?view=mobile");
        // the stored HTML keeps the body's background the editor exported
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.html"))
                .contains("background-color: #f3f4f6");

        // the same markup with another design (its attributes in another order, as a reopened design exports them):
        // no new revision, and the approval waits as it did
        MvcTestResult same = web.post(session, blocks, "design", DESIGN.replace("design-marker", "second-marker"),
                "html", HTML.replace("role=\"presentation\" width=\"100%\"", "width=\"100%\" role=\"presentation\""),
                "version", version(email));
        assertThat(same.getMvcResult().getFlashMap().get("flash").toString()).contains("Email saved.")
                .doesNotContain("revision");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.revision"))
                .isEqualTo(2);
        assertThat(web.page(session, blocks)).contains("second-marker");

        // the approver sees revision 2 as its recipients will
        assertThat(web.page(web.signIn(approver), "/approvals/" + item(email))).contains("Ride into spring",
                "1 Main St, Lisbon");
        assertThat(requests.approve(approver, item(email))).hasStatusOk();
        assertThat(state(readiness(email), "email-approval")).isEqualTo("DONE");

        // an HTML edit after the block design drops the design, as the content step warns
        assertThat(web.page(session, "/email/campaigns/" + email + "?step=content")).contains("built with blocks",
                "Edit with blocks");
        assertThat(web.post(session, "/email/campaigns/" + email, "step", "content", "name", "Spring news",
                "subject", "News", "preheader", "", "html", HTML.replace("Ride", "Cycle"), "version", version(email)))
                .hasStatus3xxRedirection();
        assertThat(web.page(session, blocks)).contains("Cycle into spring").doesNotContain("data-design=");
        assertThat(web.page(session, "/email/campaigns/" + email + "?step=content")).doesNotContain("built with blocks");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.revision"))
                .isEqualTo(3);
    }

    @Test
    void aSentEmailRefusesTheEditorAsItRefusesTheHtmlForm() throws Exception {
        String email = email("Sent news");
        String blocks = "/email/campaigns/" + email + "/blocks";
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to",
                owner.email()))).hasStatus(201);
        launchWithoutReview();
        MvcTestResult send = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send");
        assertThat(send).as(send.getResponse().getContentAsString()).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status")));
        MockHttpSession session = web.signIn(owner);
        MvcTestResult opened = mvc.get().uri(blocks).session(session).exchange();
        assertThat(opened).hasStatus3xxRedirection().hasRedirectedUrl("/email/campaigns/" + email);
        assertThat(opened.getMvcResult().getFlashMap().get("flash").toString()).contains("can no longer change");
        String version = version(email);
        assertThat(web.post(session, blocks, "design", DESIGN, "html", HTML, "version", version)).hasStatus(409);
        assertThat(web.post(session, "/email/campaigns/" + email, "step", "content", "name", "Sent news",
                "subject", "News", "html", HTML, "version", version)).hasStatus(409);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.html"))
                .doesNotContain("Ride into spring");
    }

    @Test
    void anotherWorkspaceFindsNoEditorAndAViewerNeitherSeesNorSavesIt() {
        String email = email("Guarded news");
        String blocks = "/email/campaigns/" + email + "/blocks";
        MockHttpSession theirs = web.signIn(workspaces.workspace("Email blocks elsewhere"));
        for (String path : List.of(blocks, blocks + "/preview", blocks + "/creative?creativeId="
                + java.util.UUID.randomUUID(), blocks + "/image?assetId=" + java.util.UUID.randomUUID())) {
            assertThat(mvc.get().uri(path).session(theirs).exchange()).as(path).hasStatus(404);
        }
        assertThat(web.post(theirs, blocks, "design", DESIGN, "html", HTML, "version", "0")).hasStatus(404);

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/email/campaigns/" + email + "?step=content")).doesNotContain("Edit with blocks",
                blocks);
        assertThat(mvc.get().uri(blocks).session(viewer).exchange()).hasStatus(403);
        assertThat(web.post(viewer, blocks, "design", DESIGN, "html", HTML, "version", version(email)))
                .hasStatus(403);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.html"))
                .doesNotContain("Ride into spring");
    }

    @Test
    void anEmailFromABlockBuiltTemplateGoesOnInBlocks() {
        String template = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Blocks start",
                "subject", "From blocks", "html", "<p>x</p>")), "$.id");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.post(session, "/email/templates/" + template + "/blocks", "design", DESIGN, "html", HTML,
                "version", "0")).hasStatus3xxRedirection();
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "From a template", "templateId", template, "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        assertThat(web.page(session, "/email/campaigns/" + Json.read(made, "$.id") + "/blocks"))
                .contains("design-marker", "Ride into spring");
    }

    @Test
    void aPlannedSendTimeShowsUntilTheEmailIsScheduled() throws Exception {
        String email = email("Planned news");
        jdbc.sql("update email_campaigns set planned_send_at = timestamp with time zone '2027-06-02 09:30:00+00' "
                + "where id = cast(:id as uuid)").param("id", email).update();
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.plannedSendAt"))
                .isEqualTo("2027-06-02T09:30:00Z");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/campaigns/" + email)).contains("id=\"email-planned\"", "Planned for");
        assertThat(web.page(session, "/email/campaigns")).contains("Planned for");
        launchWithoutReview();
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to",
                owner.email()))).hasStatus(201);
        MvcTestResult scheduled = api.as(owner).post("/api/v1/email/campaigns/" + email + "/schedule", Map.of("at",
                "2027-06-02T09:30:00Z"));
        assertThat(scheduled).as(scheduled.getResponse().getContentAsString()).hasStatusOk();
        assertThat(web.page(session, "/email/campaigns/" + email)).doesNotContain("id=\"email-planned\"");
        assertThat(web.page(session, "/email/campaigns")).doesNotContain("Planned for");
        // the API's schema says the field may be null, as it is for an email made without a plan
        List<String> type = Json.read(mvc.get().uri("/v3/api-docs").exchange(),
                "$.components.schemas.EmailCampaignView.properties.plannedSendAt.type");
        assertThat(type).contains("string", "null");
        assertThat((Object) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email("Unplanned")),
                "$.plannedSendAt")).isNull();
    }

    private String email(String name) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", name, "subject", "News", "html", "<p>Hello {{first_name | \"there\"}}.</p>",
                "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    /** The campaign goes live with no content review, so an email may be scheduled and sent. */
    private void launchWithoutReview() {
        assertThat(api.as(owner).put("/api/v1/approval-scopes/content", "{\"enabled\":false}")).hasStatusOk();
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
    }

    private String version(String email) {
        return Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.version").toString();
    }

    private MvcTestResult readiness(String email) {
        MvcTestResult answer = api.as(owner).get("/api/v1/email/campaigns/" + email + "/readiness");
        assertThat(answer).hasStatusOk();
        return answer;
    }

    private String item(String email) {
        MvcTestResult items = api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign + "/approval-items?size=100");
        List<String> ids = Json.read(items, "$.items[?(@.itemId=='" + email + "')].id");
        assertThat(ids).as("the approval item of " + email).hasSize(1);
        return ids.get(0);
    }
}
