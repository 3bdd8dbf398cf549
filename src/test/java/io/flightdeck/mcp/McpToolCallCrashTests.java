package io.flightdeck.mcp;

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
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call to a connected MCP server's tool is neither lost nor made twice through a SIGKILL: the application runs as
 * its own JVM with {@code flightdeck.mcp.tool-call-hold-at} armed, so one scheduler thread stops with a call before it
 * leaves and the other with a call the server has already answered, while more calls wait; the JVM is killed and
 * restarted on the same database without the hold. The server is the official reference server behind the proxy that
 * notes each {@code tools/call}'s idempotency key. Afterwards every call is done or in doubt for a person (none
 * waiting, calling or lost), the waiting ones reached the server exactly once, and the two held ones are in doubt and
 * were never made again on their own: the one held after the call reached the server once, the one held before it
 * never did.
 */
class McpToolCallCrashTests {

    private static final List<String> BOUNDARIES = List.of("before-call", "after-call");
    private static final int PER_BOUNDARY = 1;
    private static final int THREADS = PER_BOUNDARY * BOUNDARIES.size();
    private static final int WAITING = 2;
    private static final String SECRET = "everything-secret-crash-47";

    @Test
    void aKillMidCallNeitherLosesOneNorMakesOneTwice() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("mcp-call-crash-" + run);
        String data = "flightdeck.data-dir=" + dir.resolve("mcp-call-crash-data-" + run).toAbsolutePath();
        String email = "mcp-crash-" + run + "@example.com";
        ReferenceMcpServer server = ReferenceMcpServer.start(SECRET);
        try {
            Map<String, String> held;
            String campaign;
            try (ForkedApp first = ForkedApp.start(database, data, "db-scheduler.threads=" + THREADS,
                    "flightdeck.mcp.tool-call-hold-at=" + ForkedApp.holdInWaves(BOUNDARIES, PER_BOUNDARY))) {
                String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Call crashes","displayName":"Cal Crash","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String connection = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/mcp-connections", token,
                        "{\"name\":\"Everything\",\"url\":\"%s\",\"secret\":\"%s\"}".formatted(server.url(), SECRET)), 201),
                        "$.id");
                assertThat((String) JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/mcp-connections/" + connection
                        + "/check", token, null), 200), "$.health")).isEqualTo("HEALTHY");
                campaign = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/campaigns", token,
                        "{\"name\":\"Crash launch\",\"type\":\"PRODUCT_LAUNCH\"}"), 201), "$.id");
                String call = "{\"connectionId\":\"%s\",\"tool\":\"echo\",\"arguments\":{\"message\":\"{{campaign.name}}\"}}"
                        .formatted(connection);
                String path = "/api/v1/campaigns/" + campaign + "/mcp-tool-calls";
                held = first.sendInWaves("tool call", BOUNDARIES, PER_BOUNDARY,
                        () -> ForkedApp.ok(first.send("POST", path, token, call), 202));
                for (int i = 0; i < WAITING; i++) {
                    ForkedApp.ok(first.send("POST", path, token, call), 202);
                }
                first.kill();
            }
            assertThat(server.toolCallKeys()).as("calls the server had at the kill").hasSize(PER_BOUNDARY);

            try (ForkedApp second = ForkedApp.start(database, data)) {
                String token = JsonPath.read(ForkedApp.ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                String list = "/api/v1/campaigns/" + campaign + "/mcp-tool-calls";
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> JsonPath
                        .<List<String>>read(ForkedApp.ok(second.send("GET", list, token, null), 200), "$.items[*].state")
                        .stream().filter(s -> s.equals("DONE") || s.equals("IN_DOUBT")).count() == THREADS + WAITING);
                second.kill();
            }

            Map<String, String> states = new HashMap<>();
            Map<String, String> keys = new HashMap<>();
            try (Connection db = DriverManager.getConnection(ForkedApp.jdbcUrl(database), "sa", "");
                 ResultSet r = db.createStatement().executeQuery("select id, idempotency_key, state from mcp_tool_calls")) {
                while (r.next()) {
                    states.put(r.getString(1), r.getString(3));
                    keys.put(r.getString(1), r.getString(2));
                }
            }
            assertThat(states).hasSize(THREADS + WAITING);
            List<String> arrived = server.toolCallKeys();
            assertThat(arrived).as("no call reached the server twice").doesNotHaveDuplicates();
            states.forEach((id, state) -> {
                String boundary = held.get(id);
                if (boundary == null) {
                    assertThat(state).as("a call that waited through the kill").isEqualTo("DONE");
                    assertThat(arrived).as("a call that waited through the kill").contains(keys.get(id));
                } else {
                    assertThat(state).as("the call held %s", boundary).isEqualTo("IN_DOUBT");
                    assertThat(arrived.contains(keys.get(id))).as("the call held %s reached the server", boundary)
                            .isEqualTo(boundary.equals("after-call"));
                }
            });
        } finally {
            server.stop();
        }
    }
}
