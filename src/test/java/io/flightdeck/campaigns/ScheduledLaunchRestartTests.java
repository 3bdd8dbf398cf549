package io.flightdeck.campaigns;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scheduled launch is durable: the application that scheduled it is killed (kill -9, no shutdown), the start date
 * comes while it is down, and a restarted application on the same database runs the launch. Two forked JVMs on a file
 * database; no Spring context in this one.
 */
class ScheduledLaunchRestartTests {

    @Test
    void aRestartedApplicationRunsTheLaunchThatAKilledOneScheduled() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        Path database = dir.resolve("restart-" + UUID.randomUUID());
        String email = "rita-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + TestWorkspaces.PASSWORD + "\"}";
        String id;
        try (ForkedApp first = ForkedApp.start(database)) {
            String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Restart","displayName":"Rita Restart","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
            // no publish gate and no generated plan: the campaign's own readiness decides
            List<String> scopes = JsonPath.read(ok(first.send("GET", "/api/v1/approval-scopes", token, null), 200), "$[*].key");
            for (String scope : scopes) {
                ok(first.send("PUT", "/api/v1/approval-scopes/" + scope, token, "{\"enabled\":false}"), 200);
            }
            String planning = ok(first.send("GET", "/api/v1/planning-settings", token, null), 200);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("autoTimeline", false);
            for (String kept : List.of("bufferUrgent", "bufferHigh", "bufferMedium", "bufferLow", "holidays")) {
                settings.put(kept, JsonPath.read(planning, "$." + kept));
            }
            ok(first.send("PUT", "/api/v1/planning-settings", token, JsonPath.parse(settings).jsonString()), 200);
            LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(2);
            id = JsonPath.read(ok(first.send("POST", "/api/v1/campaigns", token, """
                    {"name":"Survives a crash","description":"Launches on its start date, whatever happens","type":"OTHER",
                     "channels":["EMAIL"],"startDate":"%s","endDate":"%s","budget":{"amount":100,"currency":"EUR"}}"""
                    .formatted(start, start.plusDays(20))), 201), "$.id");
            ok(first.send("POST", "/api/v1/campaigns/" + id + "/plan", token, null), 200);
            ok(first.send("POST", "/api/v1/campaigns/" + id + "/mark-ready", token, null), 200);
            String scheduled = ok(first.send("POST", "/api/v1/campaigns/" + id + "/launch-schedule", token,
                    "{\"confirm\":true}"), 200);
            assertThat((String) JsonPath.read(scheduled, "$.launchScheduledFor")).isEqualTo(start.toString());

            first.kill();
        }

        // The start date comes while nothing runs: the stored job becomes due.
        try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
                PreparedStatement due = db.prepareStatement("update scheduled_tasks set execution_time = ? "
                        + "where task_name = 'scheduled-launch' and task_instance = ?")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
            due.setString(2, id);
            assertThat(due.executeUpdate()).as("the job survived the kill").isEqualTo(1);
        }

        try (ForkedApp second = ForkedApp.start(database)) {
            String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, credentials), 200), "$.accessToken");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> "ACTIVE".equals(
                    JsonPath.read(second.send("GET", "/api/v1/campaigns/" + id, token, null).body(), "$.status")));
            List<String> sentences = JsonPath.read(ok(second.send("GET", "/api/v1/campaigns/" + id + "/activity", token,
                    null), 200), "$.items[*].sentence");
            assertThat(sentences.get(0)).startsWith("Rita Restart launched the campaign as scheduled for ");
        }
    }

    /** The body of an answer with the expected status. */
    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return response.body();
    }
}
