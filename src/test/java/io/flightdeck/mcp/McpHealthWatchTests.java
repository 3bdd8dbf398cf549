package io.flightdeck.mcp;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.mcp.client.McpHealthWatch;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health watch over connected MCP servers, against the official reference server behind its proxy
 * ({@link ReferenceMcpServer}), which can answer 503 to everything as a server that is down: the test runs the watch
 * itself (not the scheduler), makes connections due by dating their last check long ago, breaks and mends them, and
 * checks who is told, and how often. The listener on its own: {@code NotificationListenerScenarioTests}.
 */
@FlightdeckTest
class McpHealthWatchTests {

    private static final String SECRET = "everything-secret-5b81d0e4";
    private static final String API = "/api/v1/mcp-connections";
    private static final String DOWN = "The server answered HTTP 503: it is down or failing for now.";
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ReferenceMcpServer server;

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    McpHealthWatch health;

    @BeforeAll
    static void startTheReferenceServer() throws Exception {
        server = ReferenceMcpServer.start(SECRET);
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theWatchChecksEachServerInItsOwnWorkspaceAndTellsTheAdminsOnceWhenOneBreaks() throws Exception {
        Member owner = workspaces.workspace("MCP health");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String watched = created(owner, "{\"name\":\"Everything\",\"url\":\"%s\",\"secret\":\"%s\"}"
                .formatted(server.url(), SECRET));
        Member neighbour = workspaces.workspace("MCP health next door");
        String elsewhere = created(neighbour, "{\"name\":\"Next door\",\"url\":\"%s\",\"secret\":\"%s\"}"
                .formatted(server.url(), SECRET));
        assertThat((String) Json.read(api.as(owner).post(API + "/" + watched + "/check"), "$.health")).isEqualTo("HEALTHY");
        assertThat((String) Json.read(api.as(neighbour).post(API + "/" + elsewhere + "/check"), "$.health"))
                .isEqualTo("HEALTHY");
        String etag = api.as(owner).get(API + "/" + watched).getResponse().getHeader("ETag");
        long audit = auditEntries(owner);

        // a run checks what is due, each in its own workspace; servers that answer as before stay healthy, and a check
        // that found what the last one did is bookkeeping: no audit entry, no new version
        dueNow(watched, elsewhere);
        health.checkDue();
        assertThat(checkedAt(owner, watched)).isAfter(LONG_AGO);
        assertThat(checkedAt(neighbour, elsewhere)).isAfter(LONG_AGO);
        assertThat((String) Json.read(api.as(owner).get(API + "/" + watched), "$.health")).isEqualTo("HEALTHY");
        assertThat(auditEntries(owner)).as("audit entries after a check that changed nothing").isEqualTo(audit);
        assertThat(api.as(owner).get(API + "/" + watched).getResponse().getHeader("ETag")).isEqualTo(etag);

        server.unavailable(true);
        try {
            dueNow(watched, elsewhere);
            health.checkDue();
            MvcTestResult broken = api.as(owner).get(API + "/" + watched);
            assertThat((String) Json.read(broken, "$.health")).isEqualTo("BROKEN");
            assertThat((String) Json.read(broken, "$.lastError")).as("in words, without the body the server wrote")
                    .isEqualTo(DOWN);
            assertThat((String) Json.read(api.as(neighbour).get(API + "/" + elsewhere), "$.health")).isEqualTo("BROKEN");

            // the admins and the owner are told, each of their own workspace's server; the automatic check has no actor
            Map<String, Object> told = Awaitility.await().atMost(PATIENCE).until(() -> told(admin), n -> n.size() == 1).get(0);
            assertThat(told).containsEntry("title", "MCP server Everything is broken")
                    .containsEntry("link", "/settings/mcp-connections")
                    .containsEntry("priority", "HIGH")
                    .containsEntry("subjectType", "mcp-connection")
                    .containsEntry("subjectId", watched)
                    .containsEntry("reason", "You are an admin of this workspace: you manage its MCP servers.");
            assertThat(told).containsEntry("body", DOWN);
            assertThat(Awaitility.await().atMost(PATIENCE).until(() -> told(owner), n -> n.size() == 1).get(0))
                    .containsEntry("subjectId", watched)
                    .containsEntry("reason", "You own this workspace, and its MCP servers with it.");
            assertThat(Awaitility.await().atMost(PATIENCE).until(() -> told(neighbour), n -> n.size() == 1).get(0))
                    .containsEntry("title", "MCP server Next door is broken").containsEntry("subjectId", elsewhere);

            // checked again while still broken: nothing new is told
            dueNow(watched);
            health.checkDue();
            assertThat(checkedAt(owner, watched)).isAfter(LONG_AGO);
            assertThat(healthEvents(watched, "BROKEN")).as("changes to broken published").isEqualTo(1);
            assertThat(told(admin)).hasSize(1);
            assertThat(told(owner)).hasSize(1);
            assertThat(told(viewer)).as("a viewer cannot mend it").isEmpty();

            MockHttpSession session = web.signIn(admin);
            assertThat(web.page(session, "/settings/mcp-connections")).contains("Broken", DOWN,
                    "Checked automatically every 15 minutes", "Next automatic check");
            assertThat(web.fragment(session, "/settings/mcp-connections")).as("the list an open page reloads")
                    .contains("id=\"mcp-connection-list\"", "Broken", DOWN).doesNotContain("Connect a server");
        } finally {
            server.unavailable(false);
        }

        // answering again settles the alarm
        dueNow(watched);
        health.checkDue();
        assertThat((String) Json.read(api.as(owner).get(API + "/" + watched), "$.health")).isEqualTo("HEALTHY");
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> assertThat(told(admin)).singleElement()
                .satisfies(n -> assertThat((String) n.get("title")).startsWith("Settled: MCP server Everything"))
                .satisfies(n -> assertThat((String) n.get("body")).startsWith("It answered again.")));

        // broken again, found by an admin's check: the other admins are told, the one who checked saw it already
        server.unavailable(true);
        try {
            assertThat((String) Json.read(api.as(owner).post(API + "/" + watched + "/check"), "$.health"))
                    .isEqualTo("BROKEN");
        } finally {
            server.unavailable(false);
        }
        Awaitility.await().atMost(PATIENCE).until(() -> told(admin), n -> n.size() == 2);
        assertThat(healthEvents(watched, "BROKEN")).isEqualTo(2);
        assertThat(told(owner)).hasSize(1);
    }

    /** The connections' last checks long past, so the watch's next run takes them before anything else due. */
    private void dueNow(String... ids) {
        for (String id : ids) {
            jdbc.sql("update mcp_connections set checked_at = ? where id = ?").param(Timestamp.from(LONG_AGO))
                    .param(UUID.fromString(id)).update();
        }
    }

    private Instant checkedAt(Member member, String id) {
        return Instant.parse(Json.read(api.as(member).get(API + "/" + id), "$.checkedAt"));
    }

    /** The member's notifications of broken MCP servers, newest first. */
    private List<Map<String, Object>> told(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications?size=50"),
                "$.items[?(@.trigger == 'MCP_SERVER_BROKEN')]");
    }

    /**
     * How many changes of the connection to {@code health} were published, once the listener finished with every one
     * (so a change a run wrongly published would have been told by now).
     */
    private long healthEvents(String id, String health) {
        String event = "%McpConnectionHealthChanged";
        String about = "%" + id + "%";
        Awaitility.await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from event_publication where event_type"
                + " like ? and serialized_event like ? and completion_date is null").param(event).param(about)
                .query(Long.class).single() == 0);
        return jdbc.sql("select count(*) from event_publication where event_type like ? and serialized_event like ?"
                + " and serialized_event like ?").param(event).param(about).param("%\"health\":\"" + health + "\"%")
                .query(Long.class).single();
    }

    private String created(Member owner, String body) {
        MvcTestResult added = api.as(owner).post(API, body);
        assertThat(added).hasStatus(201);
        return Json.read(added, "$.id");
    }

    private long auditEntries(Member owner) {
        return Json.<Number>read(api.as(owner).get("/api/v1/audit-log?size=1"), "$.total").longValue();
    }
}
