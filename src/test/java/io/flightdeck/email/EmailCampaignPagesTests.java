package io.flightdeck.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email campaign pages: an empty list, a new email refused without its campaign, the wizard's steps (audience,
 * content with a bad merge field refused in words, review), a send refused while the campaign is not launched with
 * the reason shown, then a send through the mail outbox followed on the page (the progress fragment answers htmx
 * without the page around it) until it is sent; a viewer sees no forms and cannot post.
 */
@FlightdeckTest
class EmailCampaignPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMemberWalksThroughTheStepsAndFollowsTheSend() throws Exception {
        Member owner = workspaces.withoutApprovals("Email pages");
        assertThat(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}")).hasStatusOk();
        String campaign = campaigns.create(owner, "Winter sale");
        String contact = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "pia@pages.example",
                "name", "Pia Page", "consent", Map.of("source", "FORM", "evidence", "Winter form"))), "$.id");
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Winter")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds", List.of(contact))))
                .hasStatusOk();
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/campaigns")).contains("No emails yet", "New email", "Winter sale");

        MvcTestResult refused = web.post(session, "/email/campaigns", "name", "Sale news");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Choose the campaign the email belongs to", "value=\"Sale news\"");

        MvcTestResult made = web.post(session, "/email/campaigns", "campaignId", campaign, "name", "Sale news");
        assertThat(made).hasStatus3xxRedirection();
        String page = made.getResponse().getRedirectedUrl();
        assertThat(page).endsWith("?step=audience");
        String email = page.substring("/email/campaigns/".length(), page.indexOf('?'));
        String path = "/email/campaigns/" + email;
        assertThat(web.page(session, page)).contains("Who gets it", "Winter (1)", "All (1)");

        assertThat(web.post(session, path, "step", "audience", "listIds", list)).hasStatus3xxRedirection();
        assertThat(web.page(session, path + "?step=content")).contains("What it says", "Hello {{first_name");
        MvcTestResult badMerge = web.post(session, path, "step", "content", "name", "Sale news", "subject",
                "Sale for {{first_name", "html", "<p>Hi</p>");
        assertThat(badMerge).hasStatus(400);
        assertThat(badMerge.getResponse().getContentAsString()).contains("Sale for {{first_name");
        assertThat(web.post(session, path, "step", "content", "name", "Sale news", "subject", "Sale for {{first_name | \"you\"}}",
                "html", "<p onclick=\"x()\">Half price, {{first_name | \"friend\"}}</p><script>steal()</script>"))
                .hasStatus3xxRedirection();
        String review = web.page(session, path + "?step=review");
        assertThat(review).contains("Review and send", "Send now", "1 list").doesNotContain("steal()", "onclick");

        assertThat(web.post(session, path + "/send")).hasStatus3xxRedirection();
        assertThat(web.page(session, path + "?step=review")).contains("not active");
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status")).isEqualTo("DRAFT");

        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/plan", "{}")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}")).hasStatusOk();
        assertThat(web.post(session, path + "/send")).hasStatus3xxRedirection();
        assertThat(web.page(session, path + "?step=review")).contains("postal address is missing");
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Winter Co", "fromAddress",
                "news@pages.example", "postalAddress", "2 Side St, Porto"))).hasStatusOk();
        assertThat(web.post(session, path + "/send")).hasStatus3xxRedirection();
        assertThat(web.page(session, path + "?step=review")).contains("No test has been sent", "Send a test");
        assertThat(web.post(session, path + "/test-send", "to", owner.email())).hasStatus3xxRedirection();
        assertThat(web.page(session, path + "?step=review")).contains("A test went to", "Everything it needs is in place");
        assertThat(web.post(session, path + "/send")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(api.as(owner).get(
                "/api/v1/email/campaigns/" + email), "$.status")));
        String progress = web.fragment(session, path);
        assertThat(progress).contains("id=\"email-progress\"").doesNotContain("<html", "hx-trigger");
        assertThat(web.page(session, path)).contains("Not reached", "Everyone it was sent to got it.");
        assertThat(web.page(session, "/email/campaigns")).contains("Sale news", "1 / 1");

        // as a crash within a hand-over leaves it: handed over long ago, no answer recorded
        jdbc.update("update email_recipients set state = 'HANDED_OVER', sent_at = null,"
                + " handed_over_at = current_timestamp - interval '1' hour where email_campaign_id = ?", UUID.fromString(email));
        assertThat(web.page(session, path)).contains("Unconfirmed", "Send again to the 1 unconfirmed", "may get it twice");
        assertThat(web.post(session, path + "/send-to-unconfirmed")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(api.as(owner).get(
                "/api/v1/email/campaigns/" + email), "$.status")));
        MvcTestResult ledger = api.as(owner).get("/api/v1/email/campaigns/" + email + "/recipients");
        assertThat((List<String>) Json.read(ledger, "$.items[*].state")).containsExactly("SENT");
        assertThat((List<Integer>) Json.read(ledger, "$.items[*].attempts")).containsExactly(2);
        assertThat(web.page(session, path)).doesNotContain("Send again to the");
    }

    @Test
    void aViewerReadsButSeesNoFormsAndCannotPost() {
        Member owner = workspaces.withoutApprovals("Email pages viewer");
        String campaign = campaigns.create(owner, "Viewer sale");
        String email = Json.read(api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Viewer news")), "$.id");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession session = web.signIn(viewer);
        assertThat(web.page(session, "/email/campaigns")).contains("Viewer news").doesNotContain("Make email");
        assertThat(web.page(session, "/email/campaigns/" + email + "?step=review")).contains("Review and send")
                .doesNotContain("Send now</button>");
        assertThat(web.post(session, "/email/campaigns/" + email + "/send")).hasStatus(403);
        assertThat(web.page(session, "/email/campaigns/" + email + "?step=review")).contains("Before it goes")
                .doesNotContain("Send a test</button>");
        assertThat(web.post(session, "/email/campaigns/" + email + "/test-send", "to", viewer.email())).hasStatus(403);
        assertThat(web.post(session, "/email/campaigns", "campaignId", campaign, "name", "Mine")).hasStatus(403);
    }
}
