package io.flightdeck.ops;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every outgoing-message ledger read the same way by an admin: each one's backlog by state, what needs a person with
 * the reason, and a retry where the ledger has one (through the API and the page). Items are made by the product's
 * own paths; where a failure would take hours of retries, the row is moved to where those retries leave it (each
 * ledger's failing path has its own tests).
 */
@FlightdeckTest
class OutgoingMessagesTests {

    private static final String LEDGERS = "/api/v1/outgoing-ledgers";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebSessions web;

    private static long count(MvcTestResult ledgers, String key, String state) {
        return ((Number) Json.<List<Object>>read(ledgers, "$[?(@.key == '" + key + "')].backlog." + state).get(0))
                .longValue();
    }

    @Test
    void everyLedgerShowsItsBacklogAndAStoppedNotificationIsSentAgain() {
        Member owner = workspaces.workspace("Outgoing");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member stranger = workspaces.workspace("Outgoing elsewhere");
        String campaign = campaigns.create(owner, "Outgoing campaign");
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                Map.of("title", "Check the proofs")), "$.id");
        api.as(owner).put("/api/v1/tasks/" + task + "/assignee", Map.of("assigneeId", ann.userId()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(api.as(owner).get(LEDGERS), "notifications", "sent") == 1);

        MvcTestResult ledgers = api.as(owner).get(LEDGERS);
        assertThat(ledgers).hasStatusOk();
        assertThat(Json.<List<String>>read(ledgers, "$[*].key")).containsExactly("email-test-sends", "email-sends",
                "notifications", "report-mails", "mcp-tool-calls");
        assertThat(Json.<List<String>>read(ledgers, "$[*].name")).containsExactly("Email test sends",
                "Emails to contacts", "Notifications and webhook messages", "Scheduled report mails",
                "Tool calls to connected MCP servers");
        assertThat(count(api.as(stranger).get(LEDGERS), "notifications", "sent")).as("another workspace's").isZero();

        // six failed attempts over nine hours leave it so (NotificationDeliveryTests)
        UUID delivery = jdbc.sql("select id from notification_deliveries where tenant_id = ? and kind = 'MEMBER'")
                .param(owner.workspaceId()).query(UUID.class).single();
        jdbc.sql("update notification_deliveries set status = 'DEAD', attempts = 6, last_error = ?, dead_at = now()"
                + " where id = ?").params("The mail server refused the address", delivery).update();
        MvcTestResult troubled = api.as(owner).get(LEDGERS + "/notifications/troubled");
        assertThat(troubled).hasStatusOk();
        assertThat(Json.<List<String>>read(troubled, "$.items[*].id")).containsExactly(delivery.toString());
        assertThat((String) Json.read(troubled, "$.items[0].state")).isEqualTo("DEAD");
        assertThat((String) Json.read(troubled, "$.items[0].what")).isEqualTo("Email: Task for you: Check the proofs");
        assertThat((String) Json.read(troubled, "$.items[0].reason")).isEqualTo("The mail server refused the address");
        assertThat((Boolean) Json.read(troubled, "$.items[0].retriable")).isTrue();
        assertThat(count(api.as(owner).get(LEDGERS), "notifications", "dead")).isEqualTo(1);
        assertThat(api.as(stranger).get(LEDGERS + "/notifications/troubled")).satisfies(
                other -> assertThat((Integer) Json.read(other, "$.total")).isZero());
        assertThat(api.as(stranger).post(LEDGERS + "/notifications/items/" + delivery + "/retry")).hasStatus(404);

        MvcTestResult retried = api.as(owner).post(LEDGERS + "/notifications/items/" + delivery + "/retry");
        assertThat(retried).hasStatusOk();
        assertThat((String) Json.read(retried, "$.state")).isEqualTo("WAITING");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(api.as(owner).get(LEDGERS), "notifications", "sent") == 1);
        assertThat(api.as(owner).post(LEDGERS + "/notifications/items/" + delivery + "/retry"))
                .as("a sent delivery is not retried").hasStatus(409);
    }

    @Test
    void aStoppedWebhookMessageStandsInTheSameLedgerAndIsReplayedFromIt() {
        Member owner = workspaces.workspace("Outgoing webhooks");
        MvcTestResult endpoint = api.as(owner).post("/api/v1/webhook-endpoints", """
                {"url":"http://127.0.0.1:9/hooks","description":"Nobody listens","eventTypes":["*"]}""");
        assertThat(endpoint).hasStatus(201);
        String webhook = Json.read(endpoint, "$.endpoint.id");
        assertThat(api.as(owner).post("/api/v1/webhook-endpoints/" + webhook + "/test")).hasStatus(202);
        UUID message = jdbc.sql("select id from notification_deliveries where tenant_id = ? and kind = 'WEBHOOK'")
                .param(owner.workspaceId()).query(UUID.class).single();
        // the first attempt (nobody listens on port 9) ends before the row is changed, or its outcome, written
        // from what it read before, would overwrite the change
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(jdbc.sql(
                "select status from notification_deliveries where id = ?").param(message).query(String.class).single()));
        // eight failed attempts over a day and a half leave it so (WebhookLedgerTests)
        jdbc.sql("update notification_deliveries set status = 'DEAD', attempts = 8, last_error = null,"
                + " last_status = 502, next_attempt_at = null, dead_at = now() where id = ?").param(message).update();

        MvcTestResult troubled = api.as(owner).get(LEDGERS + "/notifications/troubled");
        assertThat(Json.<List<String>>read(troubled, "$.items[*].id")).containsExactly(message.toString());
        assertThat((String) Json.read(troubled, "$.items[0].what")).startsWith("Webhook webhook.test (msg_");
        assertThat((String) Json.read(troubled, "$.items[0].to")).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat((String) Json.read(troubled, "$.items[0].reason")).isEqualTo("The endpoint answered HTTP 502");
        assertThat((String) Json.read(troubled, "$.items[0].link")).isEqualTo("/settings/webhooks/" + webhook);
        assertThat(count(api.as(owner).get(LEDGERS), "notifications", "dead")).isEqualTo(1);

        MvcTestResult replayed = api.as(owner).post(LEDGERS + "/notifications/items/" + message + "/retry");
        assertThat(replayed).hasStatusOk();
        assertThat((String) Json.read(replayed, "$.state")).isEqualTo("WAITING");
        assertThat(jdbc.sql("select status from notification_deliveries where id = ?").param(message)
                .query(String.class).single()).isIn("QUEUED", "SENDING", "FAILED");
    }

    @Test
    void aFailedTestSendShowsWhyAndIsSentAnewFromItsPageNotRetriedHere() {
        Member owner = workspaces.workspace("Outgoing tests");
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Outgoing Co", "fromAddress",
                "news@outgoing.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        String template = Json.read(api.as(owner).post("/api/v1/email/templates", Map.of("name", "Outgoing",
                "subject", "Hello", "html", "<p>Hello</p>")), "$.id");
        String sent = Json.read(api.as(owner).post("/api/v1/email/templates/" + template + "/test-send",
                Map.of("to", owner.email())), "$.id");
        jdbc.sql("update email_test_sends set state = 'FAILED', error = ? where id = ?")
                .params("The server said: 550 mailbox unavailable", UUID.fromString(sent)).update();

        MvcTestResult troubled = api.as(owner).get(LEDGERS + "/email-test-sends/troubled");
        assertThat((String) Json.read(troubled, "$.items[0].reason"))
                .isEqualTo("The server said: 550 mailbox unavailable");
        assertThat((String) Json.read(troubled, "$.items[0].to")).isEqualTo(owner.email());
        assertThat((String) Json.read(troubled, "$.items[0].link")).isEqualTo("/email/templates/" + template);
        assertThat((Boolean) Json.read(troubled, "$.items[0].retriable")).isFalse();
        MvcTestResult refused = api.as(owner).post(LEDGERS + "/email-test-sends/items/" + sent + "/retry");
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/no-retry-here");
        assertThat((String) Json.read(refused, "$.detail")).contains("Send a new test");
    }

    @Test
    void onlyAdminsSeeTheLedgersAndAnUnknownOneIsNotFound() {
        Member owner = workspaces.workspace("Outgoing roles");
        for (Role role : List.of(Role.MANAGER, Role.VIEWER)) {
            Member member = workspaces.addMember(owner, role);
            assertThat(api.as(member).get(LEDGERS)).as("%s", role).hasStatus(403);
            assertThat(api.as(member).post(LEDGERS + "/notifications/items/" + UUID.randomUUID() + "/retry"))
                    .hasStatus(403);
        }
        assertThat(api.as(owner).get(LEDGERS + "/nothing/troubled")).hasStatus(404);
        assertThat(api.as(owner).post(LEDGERS + "/notifications/items/" + UUID.randomUUID() + "/retry"))
                .hasStatus(404);
    }

    @Test
    void badInputIsAClearProblemAndPagesAreBounded() {
        Member owner = workspaces.workspace("Outgoing bad input");
        MvcTestResult malformed = api.as(owner).post(LEDGERS + "/notifications/items/not-an-id/retry");
        assertThat(malformed).hasStatus(400);
        assertThat(malformed.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.as(owner).get(LEDGERS + "/notifications/troubled?page=first")).hasStatus(400);
        MvcTestResult huge = api.as(owner).get(LEDGERS + "/notifications/troubled?page=-3&size=100000");
        assertThat(huge).hasStatusOk();
        assertThat((Integer) Json.read(huge, "$.page")).isZero();
        assertThat((Integer) Json.read(huge, "$.size")).isEqualTo(100);
    }

    @Test
    void thePageShowsEveryLedgerAndRetriesFromTheChosenOne() {
        Member owner = workspaces.workspace("Outgoing page");
        MockHttpSession session = web.signIn(owner);

        String page = web.page(session, "/settings/outgoing");
        assertThat(page).contains("Outgoing messages", "Notifications and webhook messages", "Emails to contacts",
                "Email test sends", "Scheduled report mails", "Nothing needs you here");
        assertThat(web.page(session, "/settings/outgoing?ledger=report-mails"))
                .contains("Scheduled report mails that need you");
        assertThat(web.page(session, "/settings")).contains("Outgoing messages");
        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.post(viewer, "/settings/outgoing/notifications/items/" + UUID.randomUUID() + "/retry"))
                .hasStatus(403);
    }
}
