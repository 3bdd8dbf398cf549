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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.MailCopies;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification email never lost and never doubled unless the ledger says it may be: the application runs as its own
 * JVM with {@code flightdeck.notifications.hold-at} armed, so each of its scheduler threads stops at a boundary with
 * one delivery (before the mail is handed on, or after it was but before SENT is recorded; in waves, two at each, so
 * one kill proves both boundaries) while more wait behind them; the JVM is killed (SIGKILL) and restarted on the same database without the hold. After the restart every
 * delivery is SENT. Through SMTP (GreenMail, a real server) a held delivery cannot be looked up: it is sent again and
 * marked a possible duplicate, and only those ever reach the server twice. Through the outbox the file answers, so
 * nothing is written twice and nothing is marked.
 */
class NotificationDeliveryCrashTests {

    /** Deliveries held at each boundary. */
    private static final int PER_BOUNDARY = 2;
    private static final int WAITING = 3;

    // each transport is an application in its own JVM on its own files and ports: the two start side by side
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}, killed at {1}")
    @CsvSource({"smtp, before-send after-send", "outbox, after-send"})
    void aKillMidDeliveryNeitherLosesAMailNorDoublesOneUnmarked(String transport, String boundaries) throws Exception {
        List<String> waves = List.of(boundaries.split(" "));
        int threads = PER_BOUNDARY * waves.size();
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("mail-crash-" + run);
        Path data = dir.resolve("mail-crash-data-" + run).toAbsolutePath();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            String[] mail = {"flightdeck.data-dir=" + data, "flightdeck.mail.transport=" + transport,
                    "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort()};
            String email = "mail-crash-" + run + "@example.com";
            Map<String, String> held;
            try (ForkedApp first = ForkedApp.start(database, ForkedApp.with(mail, "db-scheduler.threads=" + threads,
                    "flightdeck.notifications.hold-at=" + ForkedApp.holdInWaves(waves, PER_BOUNDARY)))) {
                String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Mail crashes","displayName":"Mo Mail","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                // a wave per boundary: each wave's items pass the boundaries whose holds are taken
                held = first.sendInWaves("notification delivery", waves, PER_BOUNDARY,
                        () -> ForkedApp.ok(first.send("POST", "/api/v1/notifications/test", token, null), 201));
                for (int i = 0; i < WAITING; i++) {
                    ForkedApp.ok(first.send("POST", "/api/v1/notifications/test", token, null), 201);
                }
                first.kill();
            }
            int handedOn = MailCopies.received(smtp, transport, data).size();
            assertThat(handedOn).as("mail handed on at the kill").isEqualTo(PER_BOUNDARY);

            try (ForkedApp second = ForkedApp.start(database, mail)) {
                String token = JsonPath.read(ForkedApp.ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        JsonPath.<List<String>>read(ForkedApp.ok(second.send("GET", "/api/v1/notifications?size=50", token, null), 200),
                                "$.items[*].deliveries[*].status").stream().filter("SENT"::equals).count() == threads + WAITING);
                second.kill();
            }

            Map<String, Boolean> marked = new HashMap<>();
            try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
                 ResultSet r = db.createStatement().executeQuery(
                         "select idempotency_key, possible_duplicate, status from notification_deliveries")) {
                while (r.next()) {
                    assertThat(r.getString(3)).isEqualTo("SENT");
                    marked.put(r.getString(1), r.getBoolean(2));
                }
            }
            assertThat(marked).hasSize(threads + WAITING);
            Map<String, Integer> copies = MailCopies.received(smtp, transport, data);
            assertThat(copies.keySet()).as("every mail arrived").isEqualTo(marked.keySet());
            copies.forEach((key, count) -> {
                assertThat(count).as("copies of %s", key).isBetween(1, 2);
                if (count == 2) {
                    assertThat(marked.get(key)).as("%s arrived twice, so its row says it may have", key).isTrue();
                }
            });
            Map<String, String> heldKeys = new HashMap<>();
            held.forEach((id, boundary) -> heldKeys.put("notification-" + id, boundary));
            marked.forEach((key, duplicate) -> assertThat(duplicate).as("%s marked a possible duplicate", key)
                    .isEqualTo(transport.equals("smtp") && heldKeys.containsKey(key)));
            if (transport.equals("smtp")) {
                heldKeys.forEach((key, boundary) -> assertThat(copies.get(key)).as("%s held %s", key, boundary)
                        .isEqualTo(boundary.equals("after-send") ? 2 : 1));
            }
        } finally {
            smtp.stop();
        }
    }
}
