package io.flightdeck.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.email.providers.FakeMailjet;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.flightdeck.support.ForkedApp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign email to 600 people through Mailjet (its local fake, in calls of 50), with the application in its own
 * JVM killed (SIGKILL) midway and started again on the same database, counted at the fake by recipient. Once 200
 * messages went, each sending thread stops at the boundary with a call's 50 rows handed over, and the JVM is killed:
 * <ul>
 * <li>before-provider-call: the call was never made. After the restart the rows are looked up by their CustomID,
 * not found, queued again and sent.</li>
 * <li>after-provider-call: Mailjet took the call, but its answer was never recorded. After the restart the rows are
 * looked up, found, and recorded as sent with Mailjet's ids, without a second call.</li>
 * </ul>
 * Either way every recipient gets the message exactly once, and no row is left in doubt. Each call's answer is
 * recorded as it comes, so only the two held calls' rows are looked up, not the whole batch's.
 */
class EmailProviderCrashTests {

    private static final int PEOPLE = 600;
    private static final int THREADS = 2;
    private static final int HOLD_AFTER = 200;
    private static final List<String> JVM = ForkedApp.FAST_START;

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"before-provider-call", "after-provider-call"})
    void aKillMidCallNeitherLosesNorDoublesAnyone(String boundary) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("provider-crash-" + run);
        try (FakeMailjet mailjet = new FakeMailjet()) {
            String[] common = {"flightdeck.data-dir=" + dir.resolve("provider-crash-data-" + run).toAbsolutePath(),
                    "flightdeck.email.providers.mailjet-base-url=" + mailjet.base(),
                    // the restarted app looks up what is in doubt at once, not after Mailjet's list caught up
                    "flightdeck.email.providers.look-up-after=PT0S", "db-scheduler.heartbeat-interval=2s",
                    "flightdeck.email.sending.concurrency=" + THREADS, "flightdeck.email.sending.rate-per-second=0",
                    "flightdeck.email.readiness.sender-dns=off"};
            String email = "provider-crash-" + run + "@example.com";
            String emailId;
            try (ForkedApp first = ForkedApp.start(JVM, database, ForkedApp.with(common,
                    "flightdeck.email.sending.hold-at=" + boundary, "flightdeck.email.sending.hold-after=" + HOLD_AFTER))) {
                String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Provider crashes","displayName":"Pro Kill","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String campaign = EmailSendCrashTests.launchedCampaign(first, token);
                ok(first.send("PUT", "/api/v1/email/settings", token, """
                        {"fromName":"Crash Co","fromAddress":"%s","postalAddress":"1 Main St, Lisbon"}"""
                        .formatted(FakeMailjet.SENDER)), 200);
                ok(first.send("PUT", "/api/v1/email/delivery-settings", token, """
                        {"provider":"MAILJET","mailjetApiKey":"%s","mailjetSecretKey":"%s"}"""
                        .formatted(FakeMailjet.API_KEY, FakeMailjet.SECRET_KEY)), 200);
                String list = JsonPath.read(ok(first.send("POST", "/api/v1/email/lists", token,
                        "{\"name\":\"Everyone\"}"), 201), "$.id");
                EmailSendCrashTests.addContacts(first, token, list, run, PEOPLE);
                emailId = JsonPath.read(ok(first.send("POST", "/api/v1/email/campaigns", token, """
                        {"campaignId":"%s","name":"Crash news","subject":"News for {{first_name | \\"you\\"}}",
                         "html":"<p>Hello {{first_name | \\"there\\"}}, this is the news.</p>","listIds":["%s"]}"""
                        .formatted(campaign, list)), 201), "$.id");
                ok(first.send("POST", "/api/v1/email/campaigns/" + emailId + "/test-send", token,
                        "{\"to\":\"" + email + "\"}"), 201);
                ok(first.send("POST", "/api/v1/email/campaigns/" + emailId + "/send", token, null), 202);
                Path log = Path.of(database.toAbsolutePath() + "." + java.net.URI.create(first.url("/")).getPort()
                        + ".log");
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ForkedApp.holding(log, "email recipients", boundary).size() == THREADS);
                first.kill();
            }
            int calledBefore = sendCalls(mailjet);
            Map<String, Integer> before = copies(mailjet);
            assertThat(before.values()).as("nobody twice before the kill").containsOnly(1);
            // after: each thread holds on the first call whose answer takes the count past 200, so six calls were
            // made; before: a thread that began its call while the other's fourth was on its way made a fifth
            if (boundary.equals("after-provider-call")) {
                assertThat(before).as("at Mailjet when the JVM died").hasSize(HOLD_AFTER + THREADS * 50);
            } else {
                assertThat(before.size()).as("at Mailjet when the JVM died").isIn(HOLD_AFTER, HOLD_AFTER + 50);
            }

            try (ForkedApp second = ForkedApp.start(JVM, database, common)) {
                String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                String path = "/api/v1/email/campaigns/" + emailId;
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                        .until(() -> "SENT".equals(JsonPath.read(ok(second.send("GET", path, token, null), 200), "$.status")));
                String done = ok(second.send("GET", path, token, null), 200);
                assertThat((Integer) JsonPath.read(done, "$.progress.total")).isEqualTo(PEOPLE);
                assertThat((Integer) JsonPath.read(done, "$.progress.notReached")).isZero();
                assertThat((Integer) JsonPath.read(done, "$.progress.handedOver")).as("left in doubt").isZero();
                second.kill();
            }

            Map<String, Integer> copies = copies(mailjet);
            assertThat(copies).as("one message per recipient").hasSize(PEOPLE);
            assertThat(copies.values()).as("copies of each").containsOnly(1);
            assertThat(sendCalls(mailjet) - calledBefore).as("calls after the restart")
                    .isEqualTo((PEOPLE - before.size()) / 50);
            assertThat(mailjet.calls().stream().filter(c -> c.path().equals("/v3/REST/message")).count())
                    .as("each held row looked up once").isEqualTo(THREADS * 50);
            Map<String, Integer> states = new HashMap<>();
            try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
                 ResultSet r = db.createStatement().executeQuery(
                         "select state, count(*) from email_recipients where provider_id is not null group by state")) {
                while (r.next()) {
                    states.put(r.getString(1), r.getInt(2));
                }
            }
            assertThat(states).as("every row sent, with Mailjet's id").isEqualTo(Map.of("SENT", PEOPLE));
        }
    }

    /** Messages Mailjet took, by recipient address (the test send aside). */
    private static Map<String, Integer> copies(FakeMailjet mailjet) {
        Map<String, Integer> copies = new HashMap<>();
        for (FakeMailjet.Sent sent : mailjet.sent()) {
            String to = sent.message().path("To").path(0).path("Email").asString("");
            if (to.endsWith("@crash.example")) {
                copies.merge(to, 1, Integer::sum);
            }
        }
        return copies;
    }

    private static int sendCalls(FakeMailjet mailjet) {
        return (int) mailjet.calls().stream().filter(c -> c.path().equals("/v3.1/send")).count();
    }
}
