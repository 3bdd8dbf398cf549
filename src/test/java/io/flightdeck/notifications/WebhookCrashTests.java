package io.flightdeck.notifications;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.NodeWebhookConsumer;
import io.flightdeck.support.NodeWebhookConsumer.Received;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outgoing webhooks neither lose a message nor double one unmarked through a SIGKILL: the application runs as its own
 * JVM with {@code flightdeck.notifications.webhook-hold-at} armed, so each scheduler thread stops at the boundary with
 * one message (before the POST, or after the endpoint answered but before SENT is recorded) while more wait; the JVM
 * is killed and restarted on the same database without the hold. Every message then arrives, verified by the
 * {@code standardwebhooks} npm package; only a held one may arrive twice, always with the same webhook-id, and its row
 * says it may have.
 */
class WebhookCrashTests {

    private static final int THREADS = 2;
    private static final int WAITING = 3;

    // each scenario is an application in its own JVM on its own files and ports: two start side by side
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"before-send", "after-send"})
    void aKillMidMessageNeitherLosesOneNorDoublesOneUnmarked(String boundary) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("webhook-crash-" + run);
        String data = "flightdeck.data-dir=" + dir.resolve("webhook-crash-data-" + run).toAbsolutePath();
        String email = "webhook-crash-" + run + "@example.com";
        Set<String> held;
        NodeWebhookConsumer consumer = null;
        try {
            String endpoint;
            try (ForkedApp first = ForkedApp.start(database, data, "db-scheduler.threads=" + THREADS,
                    "flightdeck.notifications.webhook-hold-at=" + boundary)) {
                String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Hook crashes","displayName":"Hal Hook","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String created = ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints", token,
                        "{\"url\":\"https://example.invalid/h\",\"eventTypes\":[\"webhook.test\"]}"), 201);
                endpoint = JsonPath.read(created, "$.endpoint.id");
                consumer = NodeWebhookConsumer.start(JsonPath.<String>read(created, "$.secret"));
                ForkedApp.ok(first.send("PUT", "/api/v1/webhook-endpoints/" + endpoint, token, "{\"url\":\"" + consumer.url("/h")
                        + "\",\"eventTypes\":[\"webhook.test\"]}"), 200);
                for (int i = 0; i < THREADS; i++) {
                    ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints/" + endpoint + "/test", token, null), 202);
                }
                Path log = Path.of(database.toAbsolutePath() + "." + URI.create(first.url("/")).getPort() + ".log");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ForkedApp.holding(log, "webhook message", boundary).size() == THREADS);
                held = ForkedApp.holding(log, "webhook message", boundary);
                for (int i = 0; i < WAITING; i++) {
                    ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints/" + endpoint + "/test", token, null), 202);
                }
                first.kill();
            }
            assertThat(consumer.received()).as("messages the endpoint had at the kill")
                    .hasSize(boundary.equals("after-send") ? THREADS : 0);

            try (ForkedApp second = ForkedApp.start(database, data)) {
                String token = JsonPath.read(ForkedApp.ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> JsonPath
                        .<List<String>>read(ForkedApp.ok(second.send("GET", "/api/v1/webhook-endpoints/" + endpoint + "/messages",
                                token, null), 200), "$.items[*].status").stream().filter("SENT"::equals).count()
                        == THREADS + WAITING);
                second.kill();
            }

            Map<String, Boolean> marked = new HashMap<>();
            Map<String, String> idsByRow = new HashMap<>();
            try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
                 ResultSet r = db.createStatement().executeQuery(
                         "select id, message_id, possible_duplicate, status from webhook_messages")) {
                while (r.next()) {
                    assertThat(r.getString(4)).isEqualTo("SENT");
                    marked.put(r.getString(2), r.getBoolean(3));
                    idsByRow.put(r.getString(1), r.getString(2));
                }
            }
            assertThat(marked).hasSize(THREADS + WAITING);
            List<Received> received = consumer.received();
            assertThat(received).allMatch(Received::verified);
            Map<String, Integer> copies = new HashMap<>();
            received.forEach(m -> copies.merge(m.id(), 1, Integer::sum));
            assertThat(copies.keySet()).as("every message arrived").isEqualTo(marked.keySet());
            Set<String> heldIds = new LinkedHashSet<>();
            held.forEach(row -> heldIds.add(idsByRow.get(row)));
            copies.forEach((id, count) -> {
                assertThat(count).as("copies of %s", id).isBetween(1, 2);
                if (count == 2) {
                    assertThat(marked.get(id)).as("%s arrived twice, so its row says it may have", id).isTrue();
                }
            });
            marked.forEach((id, duplicate) -> assertThat(duplicate).as("%s marked a possible duplicate", id)
                    .isEqualTo(heldIds.contains(id)));
            if (boundary.equals("after-send")) {
                heldIds.forEach(id -> assertThat(copies.get(id)).as("%s sent before the kill and again", id).isEqualTo(2));
            }
        } finally {
            if (consumer != null) {
                consumer.close();
            }
        }
    }


}
