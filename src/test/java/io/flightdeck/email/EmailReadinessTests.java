package io.flightdeck.email;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email's readiness with the default outbox transport: each blocker (campaign not active, no postal address, no
 * test of the current content, a recipient without a consent basis) appears and clears; a change of content makes the
 * test stale; suppression is shown with its count; DNS records are not needed for the outbox; send and schedule
 * refuse with every blocker and write nothing; another workspace gets 404 and a viewer reads but cannot test or send.
 */
@FlightdeckTest
class EmailReadinessTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachBlockerAppearsAndClearsAndAContentChangeMakesTheTestStale() throws Exception {
        Member owner = workspaces.withoutApprovals("Readiness");
        assertThat(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}")).hasStatusOk();
        String campaign = campaigns.create(owner, "Readiness " + System.nanoTime());
        String ana = contact(owner, "ana@ready.example");
        String gone = contact(owner, "gone@ready.example");
        String list = list(owner, "Ready list", ana, gone);
        assertThat(api.as(owner).post("/api/v1/email/contacts/" + gone + "/unsubscribe", Map.of())).hasStatusOk();
        String email = email(owner, campaign, list);

        MvcTestResult first = readiness(owner, email);
        assertThat((Boolean) Json.read(first, "$.ready")).isFalse();
        assertThat(state(first, "campaign")).isEqualTo("BLOCKED");
        assertThat(state(first, "postal-address")).isEqualTo("BLOCKED");
        assertThat(state(first, "test-send")).isEqualTo("BLOCKED");
        assertThat(detail(first, "test-send")).contains("No test has been sent");
        assertThat(state(first, "audience")).isEqualTo("DONE");
        assertThat(detail(first, "audience")).isEqualTo("1 person will get it.");
        assertThat(state(first, "consent")).isEqualTo("DONE");
        assertThat(state(first, "suppression")).isEqualTo("DONE");
        assertThat(detail(first, "suppression")).startsWith("1 person left out");
        for (String dns : List.of("spf", "dkim", "dmarc")) {
            assertThat(state(first, dns)).as(dns).isEqualTo("NOT_NEEDED");
            assertThat(detail(first, dns)).contains("outbox");
        }
        assertThat(fixPath(first, "test-send")).isEqualTo("/email/campaigns/" + email + "?step=review#test-send");
        assertThat((List<String>) Json.read(first, "$.blockers")).hasSize(3);

        MvcTestResult refused = api.as(owner).post("/api/v1/email/campaigns/" + email + "/send");
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/email-blocked");
        assertThat((List<String>) Json.read(refused, "$.blockers")).hasSize(3)
                .anyMatch(b -> b.contains("not active")).anyMatch(b -> b.contains("postal address"))
                .anyMatch(b -> b.contains("No test"));
        MvcTestResult early = api.as(owner).post("/api/v1/email/campaigns/" + email + "/schedule",
                Map.of("at", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(early).as("no test and no address stop scheduling too").hasStatus(409);
        assertThat((List<String>) Json.read(early, "$.blockers")).hasSize(3);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email), "$.status"))
                .isEqualTo("DRAFT");

        launch(owner, campaign);
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Ready Co", "fromAddress",
                "news@ready.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        MvcTestResult tested = api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send",
                Map.of("to", owner.email()));
        assertThat(tested).hasStatus(201);
        assertThat((String) Json.read(tested, "$.state")).isEqualTo("SENT");
        MvcTestResult ready = readiness(owner, email);
        assertThat((List<String>) Json.read(ready, "$.blockers")).isEmpty();
        assertThat((Boolean) Json.read(ready, "$.ready")).isTrue();
        assertThat(detail(ready, "test-send")).contains("A test of this content went out");

        MvcTestResult current = api.as(owner).get("/api/v1/email/campaigns/" + email);
        assertThat(api.as(owner).ifMatch(current.getResponse().getHeader("ETag")).patch("/api/v1/email/campaigns/"
                + email, Map.of("subject", "A better subject"))).hasStatusOk();
        MvcTestResult stale = readiness(owner, email);
        assertThat(state(stale, "test-send")).isEqualTo("BLOCKED");
        assertThat(detail(stale, "test-send")).contains("The content changed after the last test");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(409);

        // someone subscribed with no recorded basis (data from before consent was kept) holds the send back
        jdbc.update("update email_contacts set consent_at = null where id = ?", UUID.fromString(ana));
        MvcTestResult noBasis = readiness(owner, email);
        assertThat(state(noBasis, "consent")).isEqualTo("BLOCKED");
        assertThat(detail(noBasis, "consent")).startsWith("1 person in the audience has no consent basis");
        jdbc.update("update email_contacts set consent_at = created_at where id = ?", UUID.fromString(ana));

        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        assertThat((Boolean) Json.read(readiness(owner, email), "$.ready")).isTrue();
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
    }

    @Test
    void aScheduledSendMayWaitForTheLaunchButNotForATest() {
        Member owner = workspaces.withoutApprovals("Readiness schedule");
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Ready Co", "fromAddress",
                "news@ready.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        String campaign = campaigns.create(owner, "Later " + System.nanoTime());
        String email = email(owner, campaign, list(owner, "Later list", contact(owner, "later@ready.example")));
        Map<String, String> at = Map.of("at", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/schedule", at)).hasStatus(409);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        MvcTestResult scheduled = api.as(owner).post("/api/v1/email/campaigns/" + email + "/schedule", at);
        assertThat(scheduled).as("the campaign's launch is what a scheduled send waits for").hasStatusOk();
        assertThat((String) Json.read(scheduled, "$.status")).isEqualTo("SCHEDULED");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/unschedule")).hasStatusOk();
    }

    @Test
    void anotherWorkspaceGetsNotFoundAndAViewerReadsButCannotTestOrSend() {
        Member owner = workspaces.withoutApprovals("Readiness tenancy");
        String campaign = campaigns.create(owner, "Tenancy " + System.nanoTime());
        String email = email(owner, campaign, list(owner, "Tenancy list", contact(owner, "t@ready.example")));
        Member stranger = workspaces.workspace("Readiness stranger");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);

        assertThat(api.as(stranger).get("/api/v1/email/campaigns/" + email + "/readiness")).hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/email/campaigns/" + email + "/test-send",
                Map.of("to", stranger.email()))).hasStatus(404);
        assertThat(api.as(viewer).get("/api/v1/email/campaigns/" + email + "/readiness")).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/email/campaigns/" + email + "/test-send",
                Map.of("to", viewer.email()))).hasStatus(403);
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send",
                Map.of("to", "someone@elsewhere.example"))).as("only your own address or a contact's").hasStatus(400);
        assertThat(api.as(owner).get("/api/v1/email/campaigns/" + UUID.randomUUID() + "/readiness")).hasStatus(404);
    }

    private MvcTestResult readiness(Member as, String email) {
        MvcTestResult answer = api.as(as).get("/api/v1/email/campaigns/" + email + "/readiness");
        assertThat(answer).hasStatusOk();
        return answer;
    }

    static String state(MvcTestResult readiness, String key) {
        return one(readiness, key, "state");
    }

    static String detail(MvcTestResult readiness, String key) {
        return one(readiness, key, "detail");
    }

    private static String fixPath(MvcTestResult readiness, String key) {
        return one(readiness, key, "fixPath");
    }

    private static String one(MvcTestResult readiness, String key, String field) {
        List<String> found = Json.read(readiness, "$.items[?(@.key == '" + key + "')]." + field);
        assertThat(found).as("%s of %s", field, key).hasSize(1);
        return found.get(0);
    }

    private void launch(Member owner, String campaign) {
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/plan", "{}")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}")).hasStatusOk();
    }

    private String contact(Member owner, String address) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/contacts", Map.of("email", address,
                "consent", Map.of("source", "FORM", "evidence", "Signed up on the test form")));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private String list(Member owner, String name, String... contacts) {
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", name)), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds",
                List.of(contacts)))).hasStatusOk();
        return list;
    }

    private String email(Member owner, String campaign, String list) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Ready news", "subject", "News", "html", "<p>Hello {{first_name | \"there\"}}</p>",
                "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        return Json.read(made, "$.id");
    }
}
