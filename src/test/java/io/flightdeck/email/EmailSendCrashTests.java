package io.flightdeck.email;

import java.net.URI;
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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.flightdeck.support.ForkedApp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign email to 2,000 people through a real SMTP server (GreenMail), with the application in its own JVM
 * killed (SIGKILL) halfway and started again on the same database, counted at the server by recipient and Message-ID.
 * Once 1,000 messages have left, every sending thread stops at the boundary, and the JVM is killed. (It sent to 5,000
 * until the suite had to become cheaper: what it proves is decided by the four threads held at the boundary and the
 * batches on either side of the kill, which 2,000 people give as well.)
 * <ul>
 * <li>before-hand-over: each thread's message has its data at the server but not the line that ends it, and the row is
 * still queued, so it is sent after the restart (the server kept nothing of the first try). Every recipient gets the
 * message exactly once.</li>
 * <li>after-hand-over: the hand-over is committed but the line that ends the data never left, so the server has
 * nothing. These rows stay unconfirmed, never sent again by the send itself; the restarted send finishes without
 * them and says so. A person's send to the unconfirmed then reaches them, and nobody twice: each of those hand-overs
 * committed its thread's previous answer with it (killed anywhere else, up to one answered row per thread could be
 * among the unconfirmed, and get a second copy).</li>
 * </ul>
 */
class EmailSendCrashTests {

    private static final int PEOPLE = 2_000;
    private static final int THREADS = 4;
    private static final int HOLD_AFTER = 1_000;
    private static final List<String> JVM = List.of("-Xmx768m", "-Xms768m", "-Xmn200m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"before-hand-over", "after-hand-over"})
    void aKillMidSendNeitherLosesNorDoublesAnyoneUnasked(String boundary) throws Exception {
        boolean afterHandOver = boundary.equals("after-hand-over");
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("email-crash-" + run);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            String[] common = {"flightdeck.data-dir=" + dir.resolve("email-crash-data-" + run).toAbsolutePath(),
                    "flightdeck.mail.transport=smtp", "spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + smtp.getSmtp().getPort(), "db-scheduler.heartbeat-interval=2s",
                    "flightdeck.email.sending.concurrency=" + THREADS, "flightdeck.email.sending.rate-per-second=0",
                    // crash.example has no DNS records here: readiness checks everything else
                    "flightdeck.email.readiness.sender-dns=off",
                    // the restarted app may send the unconfirmed again at once: nothing of the first is in flight
                    "flightdeck.email.sending.in-flight-limit=1ms"};
            String email = "email-crash-" + run + "@example.com";
            String emailId;
            java.util.Set<String> held;
            try (ForkedApp first = ForkedApp.start(JVM, database, ForkedApp.with(common,
                    "flightdeck.email.sending.hold-at=" + boundary, "flightdeck.email.sending.hold-after=" + HOLD_AFTER))) {
                String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Email crashes","displayName":"Em Kill","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String campaign = launchedCampaign(first, token);
                ok(first.send("PUT", "/api/v1/email/settings", token, """
                        {"fromName":"Crash Co","fromAddress":"news@crash.example","postalAddress":"1 Main St, Lisbon"}"""),
                        200);
                String list = JsonPath.read(ok(first.send("POST", "/api/v1/email/lists", token,
                        "{\"name\":\"Everyone\"}"), 201), "$.id");
                addContacts(first, token, list, run, PEOPLE);
                emailId = JsonPath.read(ok(first.send("POST", "/api/v1/email/campaigns", token, """
                        {"campaignId":"%s","name":"Crash news","subject":"News for {{first_name | \\"you\\"}}",
                         "html":"<p>Hello {{first_name | \\"there\\"}}, this is the news.</p>","listIds":["%s"]}"""
                        .formatted(campaign, list)), 201), "$.id");
                // its readiness asks for a test of the content; the test is not one of the recipients' messages
                ok(first.send("POST", "/api/v1/email/campaigns/" + emailId + "/test-send", token,
                        "{\"to\":\"" + email + "\"}"), 201);
                smtp.purgeEmailFromAllMailboxes();
                ok(first.send("POST", "/api/v1/email/campaigns/" + emailId + "/send", token, null), 202);
                Path log = Path.of(database.toAbsolutePath() + "." + URI.create(first.url("/")).getPort() + ".log");
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ForkedApp.holding(log, "email recipient", boundary).size() == THREADS);
                held = ForkedApp.holding(log, "email recipient", boundary);
                first.kill();
            }
            int before = smtp.getReceivedMessages().length;
            assertThat(before).as("messages at the server when the JVM died").isBetween(HOLD_AFTER - THREADS, PEOPLE - 1);

            try (ForkedApp second = ForkedApp.start(JVM, database, common)) {
                String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                String path = "/api/v1/email/campaigns/" + emailId;
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                        .until(() -> "SENT".equals(JsonPath.read(ok(second.send("GET", path, token, null), 200), "$.status")));
                String done = ok(second.send("GET", path, token, null), 200);
                assertThat((Integer) JsonPath.read(done, "$.progress.total")).isEqualTo(PEOPLE);
                assertThat((Integer) JsonPath.read(done, "$.progress.notReached")).isZero();
                int unconfirmed = JsonPath.read(done, "$.progress.handedOver");
                // each thread's previous message, answered and not yet recorded; after the hand-over, its own too
                assertThat(unconfirmed).isBetween(afterHandOver ? THREADS : 0, 2 * THREADS);
                if (afterHandOver) {
                    Map<String, Integer> firstCopies = copies(smtp);
                    assertThat(firstCopies.values()).as("nobody twice before anyone asks").containsOnly(1);
                    assertThat(firstCopies).as("all but the unconfirmed whose data never ended").hasSize(PEOPLE - THREADS);
                    ok(second.send("POST", path + "/send-to-unconfirmed", token, null), 200);
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "SENT".equals(
                            JsonPath.read(ok(second.send("GET", path, token, null), 200), "$.status")));
                    assertThat((Integer) JsonPath.read(ok(second.send("GET", path, token, null), 200),
                            "$.progress.handedOver")).isZero();
                }
                second.kill();
            }

            Map<String, Integer> copies = copies(smtp);
            Map<String, Integer> states = new HashMap<>();
            Map<String, String> heldStates = new HashMap<>();
            try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
                 ResultSet r = db.createStatement().executeQuery("select id, state from email_recipients")) {
                while (r.next()) {
                    states.merge(r.getString(2), 1, Integer::sum);
                    if (held.contains(r.getString(1))) {
                        heldStates.put(r.getString(1), r.getString(2));
                    }
                }
            }
            assertThat(copies).as("one message per recipient").hasSize(PEOPLE);
            assertThat(heldStates).as("the held messages, sent after the restart").hasSize(THREADS)
                    .allSatisfy((id, state) -> assertThat(state).isEqualTo("SENT"));
            if (afterHandOver) {
                // each held hand-over's commit recorded its thread's previous answer: the send again doubled nobody
                assertThat(copies.values()).as("copies of each").containsOnly(1);
                assertThat(states).containsOnlyKeys("SENT");
            } else {
                assertThat(copies.values()).as("copies of each").containsOnly(1);
                // answered before the kill, not yet recorded: never sent again, and shown as unconfirmed
                assertThat(states.getOrDefault("HANDED_OVER", 0)).isLessThanOrEqualTo(THREADS);
                assertThat(states.get("SENT") + states.getOrDefault("HANDED_OVER", 0)).isEqualTo(PEOPLE);
            }
        } finally {
            smtp.stop();
        }
    }

    private static Map<String, Integer> copies(GreenMail smtp) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            copies.merge(message.getAllRecipients()[0] + " " + message.getMessageID(), 1, Integer::sum);
        }
        return copies;
    }

    /** A campaign that is launched, with no approval scope to wait for, so its email passes the gate at once. */
    static String launchedCampaign(ForkedApp app, String token) throws Exception {
        List<String> scopes = JsonPath.read(ok(app.send("GET", "/api/v1/approval-scopes", token, null), 200), "$[*].key");
        for (String scope : scopes) {
            ok(app.send("PUT", "/api/v1/approval-scopes/" + scope, token, "{\"enabled\":false}"), 200);
        }
        ok(app.send("PUT", "/api/v1/campaign-settings", token, "{\"readinessThreshold\":0}"), 200);
        String campaign = JsonPath.read(ok(app.send("POST", "/api/v1/campaigns", token, """
                {"name":"Email crash","description":"Mail that survives kill -9","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["EMAIL"],"startDate":"2030-03-01","endDate":"2030-04-30",
                 "budget":{"amount":100.00,"currency":"EUR"}}"""), 201), "$.id");
        ok(app.send("POST", "/api/v1/campaigns/" + campaign + "/plan", token, "{}"), 200);
        ok(app.send("POST", "/api/v1/campaigns/" + campaign + "/mark-ready", token, "{}"), 200);
        ok(app.send("POST", "/api/v1/campaigns/" + campaign + "/launch", token, "{\"confirm\":true}"), 200);
        return campaign;
    }

    /** The contacts by one CSV import onto the list, as a user brings a list over from another tool. */
    static void addContacts(ForkedApp app, String token, String list, String run, int people) throws Exception {
        StringBuilder csv = new StringBuilder("Email,Name\n");
        for (int i = 0; i < people; i++) {
            csv.append("p").append(i).append('-').append(run, 0, 8).append("@crash.example,Person ").append(i).append('\n');
        }
        String id = JsonPath.read(ok(app.upload("/api/v1/email/imports", token, "people.csv", csv.toString()), 201),
                "$.id");
        net.minidev.json.JSONArray mapping = JsonPath.read(ok(app.send("GET", "/api/v1/email/imports/" + id
                + "/preview", token, null), 200), "$.mapping");
        ok(app.send("POST", "/api/v1/email/imports/" + id + "/start", token, """
                {"mapping":%s,"consentEvidence":"Crash form","listId":"%s"}""".formatted(mapping.toJSONString(), list)),
                202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "SUCCEEDED".equals(
                JsonPath.read(ok(app.send("GET", "/api/v1/email/imports/" + id, token, null), 200), "$.status")));
    }
}
