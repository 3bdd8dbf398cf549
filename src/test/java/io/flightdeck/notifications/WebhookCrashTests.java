package io.flightdeck.notifications;

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
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.NodeWebhookConsumer;
import io.flightdeck.support.NodeWebhookConsumer.Received;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outgoing webhooks neither lose a message nor double one unmarked through a SIGKILL: the application runs as its own
 * JVM with {@code flightdeck.notifications.webhook-hold-at} armed, so each scheduler thread stops at a boundary with
 * one message (before the POST, or after the endpoint answered but before SENT is recorded; in waves, two at each, so
 * one kill proves both boundaries) while more wait; the JVM is killed and restarted on the same database without the hold. Every message then arrives, verified by the
 * {@code standardwebhooks} npm package; only a held one may arrive twice, always with the same webhook-id, and its row
 * says it may have.
 */
class WebhookCrashTests {

    /** In the order a message passes them: each wave of messages stops at the next. */
    private static final List<String> BOUNDARIES = List.of("before-send", "after-send");
    /** Messages held at each boundary. */
    private static final int PER_BOUNDARY = 2;
    private static final int THREADS = PER_BOUNDARY * BOUNDARIES.size();
    private static final int WAITING = 3;

    @Test
    void aKillMidMessageNeitherLosesOneNorDoublesOneUnmarked() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("webhook-crash-" + run);
        String data = "flightdeck.data-dir=" + dir.resolve("webhook-crash-data-" + run).toAbsolutePath();
        String email = "webhook-crash-" + run + "@example.com";
        Map<String, String> held;
        NodeWebhookConsumer consumer = null;
        try {
            String endpoint;
            try (ForkedApp first = ForkedApp.start(database, data, "db-scheduler.threads=" + THREADS,
                    "flightdeck.notifications.webhook-hold-at=" + ForkedApp.holdInWaves(BOUNDARIES, PER_BOUNDARY))) {
                String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Hook crashes","displayName":"Hal Hook","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String created = ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints", token,
                        "{\"url\":\"https://example.invalid/h\",\"eventTypes\":[\"webhook.test\"]}"), 201);
                endpoint = JsonPath.read(created, "$.endpoint.id");
                consumer = NodeWebhookConsumer.start(JsonPath.<String>read(created, "$.secret"));
                ForkedApp.ok(first.send("PUT", "/api/v1/webhook-endpoints/" + endpoint, token, "{\"url\":\"" + consumer.url("/h")
                        + "\",\"eventTypes\":[\"webhook.test\"]}"), 200);
                // a wave per boundary: each wave's items pass the boundaries whose holds are taken
                held = first.sendInWaves("webhook message", BOUNDARIES, PER_BOUNDARY,
                        () -> ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints/" + endpoint + "/test", token,
                                null), 202));
                for (int i = 0; i < WAITING; i++) {
                    ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints/" + endpoint + "/test", token, null), 202);
                }
                first.kill();
            }
            assertThat(consumer.received()).as("messages the endpoint had at the kill")
                    .hasSize(PER_BOUNDARY);

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
                         "select id, idempotency_key, possible_duplicate, status from notification_deliveries"
                                 + " where kind = 'WEBHOOK'")) {
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
            Map<String, String> heldIds = new HashMap<>();
            held.forEach((row, boundary) -> heldIds.put(idsByRow.get(row), boundary));
            copies.forEach((id, count) -> {
                assertThat(count).as("copies of %s", id).isBetween(1, 2);
                if (count == 2) {
                    assertThat(marked.get(id)).as("%s arrived twice, so its row says it may have", id).isTrue();
                }
            });
            marked.forEach((id, duplicate) -> assertThat(duplicate).as("%s marked a possible duplicate", id)
                    .isEqualTo(heldIds.containsKey(id)));
            heldIds.forEach((id, boundary) -> assertThat(copies.get(id)).as("copies of %s, held %s", id, boundary)
                    .isEqualTo(boundary.equals("after-send") ? 2 : 1));
        } finally {
            if (consumer != null) {
                consumer.close();
            }
        }
    }


}
