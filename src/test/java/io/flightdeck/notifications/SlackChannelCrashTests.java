package io.flightdeck.notifications;

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
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.notifications.slack.FakeSlackServer;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events routed to a Slack channel by the app's bot neither get lost nor doubled through a SIGKILL: the application
 * runs as its own JVM with {@code flightdeck.notifications.webhook-hold-at=after-send} armed, so each scheduler thread
 * stops after Slack took a channel message but before SENT is recorded, while more wait; the JVM is killed and
 * restarted on the same database. The restarted node finds each held message in the channel by the webhook-id in its
 * metadata, so every message is in the channel once and no row says it may be a duplicate.
 */
class SlackChannelCrashTests {

    private static final int THREADS = 2;
    private static final int WAITING = 3;
    private static final FakeSlackApi SLACK = FakeSlackServer.fake();

    @Test
    void aKillAfterSlackTookTheMessageFindsItInsteadOfPostingItAgain() throws Exception {
        String boundary = "after-send";
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("slack-channel-crash-" + run);
        String data = "flightdeck.data-dir=" + dir.resolve("slack-channel-crash-data-" + run).toAbsolutePath();
        String[] slack = SlackSetup.forkedAppProperties();
        String email = "slack-channel-crash-" + run + "@example.com";
        Set<String> held;
        String endpoint;
        int before;
        try (ForkedApp first = ForkedApp.start(database, SlackSetup.with(slack, data, "db-scheduler.threads=" + THREADS,
                "flightdeck.notifications.webhook-hold-at=" + boundary))) {
            String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Slack crashes","displayName":"Sam Slack","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
            SlackSetup.installWithoutBrowser(first, token);
            endpoint = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/webhook-endpoints", token, """
                    {"url":"%s","format":"SLACK_CHANNEL","eventTypes":["webhook.test"]}""".formatted(FakeSlackApi.CHANNEL)),
                    201), "$.endpoint.id");
            before = SLACK.messagesIn(FakeSlackApi.CHANNEL).size();
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
        assertThat(mine(before)).as("messages in the channel at the kill").hasSize(THREADS);

        try (ForkedApp second = ForkedApp.start(database, SlackSetup.with(slack, data))) {
            String token = JsonPath.read(ForkedApp.ok(second.send("POST", "/api/v1/auth/token", null, """
                    {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> JsonPath
                    .<List<String>>read(ForkedApp.ok(second.send("GET", "/api/v1/webhook-endpoints/" + endpoint
                            + "/messages?status=SENT&size=50", token, null), 200), "$.items[*].id").size() == THREADS + WAITING);
            second.kill();
        }

        Map<String, Boolean> marked = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
             ResultSet r = db.createStatement().executeQuery(
                     "select idempotency_key, possible_duplicate, status, id from notification_deliveries"
                             + " where kind = 'WEBHOOK'")) {
            while (r.next()) {
                assertThat(r.getString(3)).isEqualTo("SENT");
                marked.put(r.getString(1), r.getBoolean(2));
                ids.put(r.getString(4), r.getString(1));
            }
        }
        assertThat(marked).hasSize(THREADS + WAITING);
        Map<String, Integer> copies = new HashMap<>();
        mine(before).stream().map(m -> m.metadata().path("event_payload").path("webhook_id").asString())
                .filter(marked::containsKey).forEach(id -> copies.merge(id, 1, Integer::sum));
        assertThat(copies.keySet()).as("every message arrived").isEqualTo(marked.keySet());
        assertThat(copies.values()).as("each once").containsOnly(1);
        assertThat(marked.values()).as("none marked a possible duplicate").containsOnly(false);
        assertThat(held).as("the held messages were among them").allSatisfy(id -> assertThat(ids).containsKey(id));
    }

    /** The channel's messages since {@code before}; other tests in this JVM post there too, but not with our ids. */
    private static List<FakeSlackApi.Message> mine(int before) {
        List<FakeSlackApi.Message> all = SLACK.messagesIn(FakeSlackApi.CHANNEL);
        return all.subList(before, all.size()).stream()
                .filter(m -> m.metadata() != null && m.metadata().path("event_type").asString("").equals("flightdeck_webhook"))
                .toList();
    }
}
