package io.flightdeck.email;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static io.flightdeck.support.ForkedApp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An assistant's queued test sends (MCP {@code send_test_email}) through a SIGKILL, counted at a real SMTP server
 * (GreenMail) by Message-ID: the application runs as its own JVM with {@code flightdeck.email.test-send-hold-at} armed,
 * so one scheduler thread stops with a test whose attempt is committed but whose mail never left, the other with one
 * the server already has, while two more wait for a thread; the JVM is killed and restarted on the same database. The
 * two held stay begun (the ledger's in doubt, for a person), and neither is sent again: the one held after the hand-over
 * arrived once, the one held before it never did; the two that waited arrive exactly once.
 */
class EmailTestSendCrashTests {

    private static final List<String> BOUNDARIES = List.of("before-send", "after-send");
    private static final int PER_BOUNDARY = 1;
    private static final int THREADS = PER_BOUNDARY * BOUNDARIES.size();
    private static final int WAITING = 2;

    @Test
    void aKillMidTestSendNeitherLosesOneNorSendsOneTwice() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("test-send-crash-" + run);
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            String[] common = {"flightdeck.data-dir=" + dir.resolve("test-send-crash-data-" + run).toAbsolutePath(),
                    "flightdeck.mail.transport=smtp", "spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + smtp.getSmtp().getPort(), "db-scheduler.heartbeat-interval=2s"};
            String address = "test-crash-" + run + "@example.com";
            Map<String, String> held;
            List<Object> waiting = new ArrayList<>();
            try (ForkedApp first = ForkedApp.start(database, ForkedApp.with(common, "db-scheduler.threads=" + THREADS,
                    "flightdeck.email.test-send-hold-at=" + ForkedApp.holdInWaves(BOUNDARIES, PER_BOUNDARY)))) {
                String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Test crashes","displayName":"Tess Crash","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(address, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String campaign = JsonPath.read(ok(first.send("POST", "/api/v1/campaigns", token,
                        "{\"name\":\"Crash news\",\"type\":\"PRODUCT_LAUNCH\"}"), 201), "$.id");
                String email = JsonPath.read(ok(first.send("POST", "/api/v1/email/campaigns", token, """
                        {"campaignId":"%s","name":"Crash news","subject":"Crash news","html":"<p>The news.</p>"}"""
                        .formatted(campaign)), 201), "$.id");
                try (McpSyncClient assistant = assistant(first, token)) {
                    Map<String, Object> test = Map.of("id", email, "to", address);
                    held = first.sendInWaves("test send", BOUNDARIES, PER_BOUNDARY, () -> queue(assistant, test));
                    for (int i = 0; i < WAITING; i++) {
                        waiting.add(queue(assistant, test));
                    }
                }
                first.kill();
            }
            assertThat(messageIds(smtp)).as("mail the server had at the kill").hasSize(PER_BOUNDARY);

            try (ForkedApp second = ForkedApp.start(database, common)) {
                String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(address, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                try (McpSyncClient assistant = assistant(second, token)) {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> waiting
                            .stream().allMatch(id -> "SENT".equals(structured(assistant.callTool(new CallToolRequest(
                                    "get_test_email", Map.of("id", id)))).get("state"))));
                    // the held tests' executions are revived as well and find them begun: time to (not) send them
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> held
                            .keySet().stream().allMatch(id -> logged(second, "Test send " + id + " was begun before")));
                }
                second.kill();
            }

            Map<String, String> states = states(database);
            assertThat(states).hasSize(THREADS + WAITING);
            List<String> arrived = messageIds(smtp);
            assertThat(arrived).as("no test arrived twice").doesNotHaveDuplicates();
            states.forEach((id, state) -> {
                String boundary = held.get(id);
                boolean there = arrived.contains("<test-" + id + "@flightdeck>");
                if (boundary == null) {
                    assertThat(state).as("a test that waited through the kill").isEqualTo("SENT");
                    assertThat(there).as("a test that waited through the kill arrived").isTrue();
                } else {
                    assertThat(state).as("the test held %s, begun and left for a person", boundary).isEqualTo("QUEUED");
                    assertThat(there).as("the test held %s arrived", boundary).isEqualTo(boundary.equals("after-send"));
                }
            });
        } finally {
            smtp.stop();
        }
    }

    private static boolean logged(ForkedApp app, String text) {
        try {
            return app.logged(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static McpSyncClient assistant(ForkedApp app, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://localhost:" + URI.create(app.url("/")).getPort()).endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    /** A dry run, then the confirmed call; answers the test's id. */
    private static Object queue(McpSyncClient assistant, Map<String, Object> test) {
        Map<String, Object> dry = new HashMap<>(test);
        dry.put("dryRun", true);
        Map<String, Object> confirmed = new HashMap<>(test);
        confirmed.put("confirmation", structured(assistant.callTool(new CallToolRequest("send_test_email", dry)))
                .get("confirmation"));
        return ((Map<?, ?>) structured(assistant.callTool(new CallToolRequest("send_test_email", confirmed)))
                .get("after")).get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        assertThat(result.isError()).as("%s", result.content()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    private static Map<String, String> states(Path database) throws Exception {
        Map<String, String> states = new HashMap<>();
        try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
             ResultSet r = db.createStatement().executeQuery("select id, state from email_test_sends")) {
            while (r.next()) {
                states.put(r.getString(1), r.getString(2));
            }
        }
        return states;
    }

    private static List<String> messageIds(GreenMail smtp) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            ids.add(message.getMessageID());
        }
        return ids;
    }
}
