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
import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.notifications.slack.FakeSlackServer;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack messages neither get lost nor doubled unmarked through a SIGKILL: the application runs as its own JVM against
 * the Slack fake in this one, with {@code flightdeck.notifications.slack-hold-at} armed, so each scheduler thread stops
 * with one direct message (before chat.postMessage, or after Slack answered but before SENT is recorded; in waves,
 * two at each, so one kill proves both boundaries) while more wait; the JVM is killed and restarted on the same database without the hold. Every message then arrives once: the
 * restarted node looks each cut-off attempt up by the delivery its metadata names before sending it. Only where the
 * look-up cannot be made (an install without {@code im:history}) is a held message sent again, and its row says so.
 */
class SlackCrashTests {

    /** Messages held at each boundary. */
    private static final int PER_BOUNDARY = 2;
    private static final int WAITING = 3;
    private static final FakeSlackApi SLACK = FakeSlackServer.fake();

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"before-send after-send", "after-send without im:history"})
    void aKillMidMessageNeitherLosesOneNorDoublesOneUnmarked(String killedAt) throws Exception {
        boolean lookUp = !killedAt.contains("without");
        List<String> waves = List.of(killedAt.replace(" without im:history", "").split(" "));
        int threads = PER_BOUNDARY * waves.size();
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("slack-crash-" + run);
        String data = "flightdeck.data-dir=" + dir.resolve("slack-crash-data-" + run).toAbsolutePath();
        String[] slack = SlackSetup.forkedAppProperties();
        String email = "slack-crash-" + run + "@example.com";
        String slackUser = "UCR" + run.substring(0, 8).toUpperCase();
        String dm = "D" + slackUser.substring(1);
        Map<String, String> held;
        try (ForkedApp first = ForkedApp.start(database, SlackSetup.with(slack, data, "db-scheduler.threads=" + threads,
                "flightdeck.notifications.slack-hold-at=" + ForkedApp.holdInWaves(waves, PER_BOUNDARY)))) {
            String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Slack crashes","displayName":"Sam Slack","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
            SlackSetup.installWithoutBrowser(first, token);
            SLACK.addUser(email, slackUser, "Sam Slack");
            ForkedApp.ok(first.send("POST", "/api/v1/slack/link", token, null), 200);
            ForkedApp.ok(first.send("POST", "/api/v1/slack/link/confirm", token, null), 200);
            // a wave per boundary: each wave's items pass the boundaries whose holds are taken
            held = first.sendInWaves("slack delivery", waves, PER_BOUNDARY,
                    () -> ForkedApp.ok(first.send("POST", "/api/v1/notifications/test", token, null), 201));
            for (int i = 0; i < WAITING; i++) {
                ForkedApp.ok(first.send("POST", "/api/v1/notifications/test", token, null), 201);
            }
            first.kill();
        }
        assertThat(SLACK.messagesIn(dm)).as("messages in Slack at the kill").hasSize(PER_BOUNDARY);

        if (!lookUp) {
            SLACK.withhold("im:history");
        }
        try (ForkedApp second = ForkedApp.start(database, SlackSetup.with(slack, data))) {
            String token = JsonPath.read(ForkedApp.ok(second.send("POST", "/api/v1/auth/token", null, """
                    {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> JsonPath
                    .<List<String>>read(ForkedApp.ok(second.send("GET", "/api/v1/notifications?size=50", token, null), 200),
                            "$.items[*].deliveries[?(@.channel == 'SLACK' && @.status == 'SENT')].id").size() == threads + WAITING);
            second.kill();
        } finally {
            SLACK.grantAll();
        }

        Map<String, Boolean> marked = new HashMap<>();
        try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
             ResultSet r = db.createStatement().executeQuery(
                     "select id, possible_duplicate, status from notification_deliveries where channel = 'SLACK'")) {
            while (r.next()) {
                assertThat(r.getString(3)).isEqualTo("SENT");
                marked.put(r.getString(1), r.getBoolean(2));
            }
        }
        assertThat(marked).hasSize(threads + WAITING);
        Map<String, Integer> copies = new HashMap<>();
        SLACK.messagesIn(dm).forEach(m -> copies.merge(m.metadata().path("event_payload").path("delivery").asString(), 1,
                Integer::sum));
        assertThat(copies.keySet()).as("every message arrived").isEqualTo(marked.keySet());
        copies.forEach((id, count) -> {
            assertThat(count).as("copies of %s", id).isBetween(1, 2);
            if (count == 2) {
                assertThat(marked.get(id)).as("%s arrived twice, so its row says it may have", id).isTrue();
            }
        });
        marked.forEach((id, duplicate) -> assertThat(duplicate).as("%s marked a possible duplicate", id)
                .isEqualTo(!lookUp && held.containsKey(id)));
        held.forEach((id, boundary) -> assertThat(copies.get(id)).as("copies of %s, held at %s", id, boundary)
                .isEqualTo(lookUp ? 1 : 2));
    }
}
