package io.flightdeck.mcp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flightdeck as an MCP client, against a server nobody here wrote: the official reference server
 * {@code @modelcontextprotocol/server-everything} from npm (pinned in {@code src/test/mcp-clients}), over Streamable
 * HTTP behind a small proxy that answers 401 unless the request carries the right bearer secret, so a healthy check
 * proves the secret was sent. The secret never comes back in an answer or a page.
 */
@FlightdeckTest
class McpConnectionsTests {

    private static final String SECRET = "everything-secret-7f3a9c2e";
    private static final String API = "/api/v1/mcp-connections";

    private static ReferenceMcpServer server;

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;

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
    void anAdminConnectsTheReferenceServerAndSeesItsToolsButNeverTheSecret() throws Exception {
        Member owner = workspaces.workspace("MCP client");
        MvcTestResult added = api.as(owner).post(API, Map.of("name", "Everything", "url", everythingUrl(), "secret", SECRET));
        assertThat(added).hasStatus(201);
        String id = Json.read(added, "$.id");
        assertThat((String) Json.read(added, "$.health")).isEqualTo("UNTESTED");
        assertThat((Boolean) Json.read(added, "$.secretSet")).isTrue();
        assertThat((String) Json.read(added, "$.secretEnding")).isEqualTo("9c2e");
        assertThat(jdbc.sql("select secret from mcp_connections where id = ?").param(UUID.fromString(id))
                .query(String.class).single()).startsWith("v1:").doesNotContain(SECRET);

        int authorizedBefore = server.authorizedRequests();
        MvcTestResult checked = api.as(owner).post(API + "/" + id + "/check");
        assertThat(checked).hasStatusOk();
        assertThat((String) Json.read(checked, "$.health")).as(Json.body(checked)).isEqualTo("HEALTHY");
        assertThat(server.authorizedRequests()).as("requests that carried the secret").isGreaterThan(authorizedBefore);
        assertThat((String) Json.read(checked, "$.serverName")).isEqualTo("mcp-servers/everything");
        assertThat((Object) Json.read(checked, "$.lastError")).isNull();
        assertThat(Json.<List<String>>read(checked, "$.tools[*].name")).contains("echo", "get-sum", "get-tiny-image");
        assertThat(Json.<List<String>>read(checked, "$.tools[?(@.name == 'get-sum')].description"))
                .containsExactly("Returns the sum of two numbers");

        for (MvcTestResult answer : List.of(added, checked, api.as(owner).get(API + "/" + id), api.as(owner).get(API))) {
            assertThat(Json.body(answer)).doesNotContain(SECRET);
        }
        MockHttpSession session = web.signIn(owner);
        String page = web.page(session, "/settings/mcp-connections");
        assertThat(page).contains("Everything", "Healthy", "get-sum", "Echoes back the input string",
                "Set, ending in 9c2e").doesNotContain(SECRET);
        MvcTestResult again = web.post(session, "/settings/mcp-connections/" + id + "/check");
        assertThat(again).hasStatus3xxRedirection();
        assertThat(again.getMvcResult().getFlashMap().get("flash").toString()).contains("Everything answered");
    }

    @Test
    void aWrongSecretOrNobodyListeningIsBrokenAndSaysWhyInWords() throws Exception {
        Member owner = workspaces.workspace("MCP client broken");
        String id = created(owner, "{\"name\":\"Everything\",\"url\":\"%s\",\"secret\":\"%s\"}".formatted(everythingUrl(), SECRET));
        assertThat((String) Json.read(api.as(owner).post(API + "/" + id + "/check"), "$.health")).isEqualTo("HEALTHY");

        String wrong = "not-the-right-secret-at-all";
        String etag = api.as(owner).get(API + "/" + id).getResponse().getHeader("ETag");
        MvcTestResult changed = api.as(owner).ifMatch(etag).put(API + "/" + id,
                "{\"name\":\"Everything\",\"url\":\"%s\",\"secret\":\"%s\"}".formatted(everythingUrl(), wrong));
        assertThat((String) Json.read(changed, "$.health")).as("another secret is untested").isEqualTo("UNTESTED");
        assertThat(api.as(owner).ifMatch(etag).put(API + "/" + id, "{\"name\":\"Stale\",\"url\":\"%s\"}"
                .formatted(everythingUrl()))).as("a change made against an older read").hasStatus(412);

        MvcTestResult refused = api.as(owner).post(API + "/" + id + "/check");
        assertThat((String) Json.read(refused, "$.health")).isEqualTo("BROKEN");
        assertThat((String) Json.read(refused, "$.lastError")).contains("refused the secret", "HTTP 401");
        assertThat(Json.body(refused)).doesNotContain(wrong);
        assertThat(Json.<List<String>>read(refused, "$.tools[*].name")).as("the last good snapshot stays").contains("echo");

        MvcTestResult none = api.as(owner).put(API + "/" + id, "{\"name\":\"Everything\",\"url\":\"%s\",\"secret\":\"\"}"
                .formatted(everythingUrl()));
        assertThat((Boolean) Json.read(none, "$.secretSet")).isFalse();
        assertThat((String) Json.read(api.as(owner).post(API + "/" + id + "/check"), "$.lastError"))
                .contains("wants a secret");

        int dead = ReferenceMcpServer.freePort();
        String nobody = created(owner, "{\"name\":\"Nobody\",\"url\":\"http://localhost:%d/mcp\"}".formatted(dead));
        MvcTestResult unreachable = api.as(owner).post(API + "/" + nobody + "/check");
        assertThat((String) Json.read(unreachable, "$.health")).isEqualTo("BROKEN");
        assertThat((String) Json.read(unreachable, "$.lastError")).contains("Nothing answered at localhost:" + dead);
        assertThat(Json.<List<String>>read(unreachable, "$.tools")).isEmpty();

        String page = web.page(web.signIn(owner), "/settings/mcp-connections");
        assertThat(page).contains("Broken", "wants a secret", "Nothing answered at localhost:" + dead).doesNotContain(wrong);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() {
        Member owner = workspaces.workspace("MCP client input");
        String id = created(owner, "{\"name\":\"Kept\",\"url\":\"https://mcp.example.com/mcp\"}");
        long audit = auditEntries(owner);
        List<String> bodies = List.of(
                "{\"name\":\"Files\",\"url\":\"ftp://mcp.example.com/mcp\"}",
                "{\"name\":\"Creds\",\"url\":\"https://user:pass@mcp.example.com/mcp\"}",
                "{\"name\":\"   \",\"url\":\"https://mcp.example.com/mcp\"}",
                "{\"name\":\"No host\",\"url\":\"https:///mcp\"}",
                "{\"name\":\"Not an address\",\"url\":\"mcp server please\"}",
                "{\"name\":\"Line\",\"url\":\"https://mcp.example.com/mcp\",\"secret\":\"two\\nlines\"}",
                "{\"name\":\"%s\",\"url\":\"https://mcp.example.com/mcp\"}".formatted("n".repeat(81)),
                "{\"name\":\"Long\",\"url\":\"https://mcp.example.com/%s\"}".formatted("p".repeat(2000)),
                "{\"name\":\"Long secret\",\"url\":\"https://mcp.example.com/mcp\",\"secret\":\"%s\"}".formatted("s".repeat(4001)),
                "{\"name\":\"No address\"}");
        for (String body : bodies) {
            for (MvcTestResult answer : List.of(api.as(owner).post(API, body), api.as(owner).put(API + "/" + id, body))) {
                assertThat(answer).as(body.length() > 200 ? body.substring(0, 200) : body).hasStatus(400)
                        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(Json.<List<String>>read(answer, "$.errors[*].field")).isNotEmpty();
            }
        }
        assertThat(Json.<Integer>read(api.as(owner).get(API), "$.total")).isEqualTo(1);
        assertThat((String) Json.read(api.as(owner).get(API + "/" + id), "$.name")).isEqualTo("Kept");
        assertThat(auditEntries(owner)).as("audit entries after the refused writes").isEqualTo(audit);
    }

    @Test
    void aViewerAViewerKeyAndAnotherWorkspaceCannotReachIt() {
        Member owner = workspaces.workspace("MCP client roles");
        String id = created(owner, "{\"name\":\"Guarded\",\"url\":\"%s\",\"secret\":\"%s\"}".formatted(everythingUrl(), SECRET));
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String viewerKey = "Bearer " + Json.read(api.as(owner).post("/api/v1/api-keys",
                Map.of("name", "Read only", "roleCeiling", "VIEWER")), "$.secret");
        String body = "{\"name\":\"Taken\",\"url\":\"https://mcp.example.com/mcp\"}";
        for (ApiClient.Caller caller : List.of(api.as(viewer), api.as(owner).header("Authorization", viewerKey))) {
            assertThat(caller.get(API)).hasStatus(403);
            assertThat(caller.post(API, body)).hasStatus(403);
            assertThat(caller.put(API + "/" + id, body)).hasStatus(403);
            assertThat(caller.post(API + "/" + id + "/check")).hasStatus(403);
            assertThat(caller.delete(API + "/" + id)).hasStatus(403);
        }
        assertThat(web.post(web.signIn(viewer), "/settings/mcp-connections", "name", "x", "url", "https://a.example/mcp"))
                .hasStatus(403);

        Member outsider = workspaces.workspace("MCP client outsider");
        assertThat(api.as(outsider).get(API + "/" + id)).hasStatus(404);
        assertThat(api.as(outsider).put(API + "/" + id, body)).hasStatus(404);
        assertThat(api.as(outsider).post(API + "/" + id + "/check")).hasStatus(404);
        assertThat(api.as(outsider).delete(API + "/" + id)).hasStatus(404);
        assertThat(web.post(web.signIn(outsider), "/settings/mcp-connections/" + id + "/check")).hasStatus(404);
        assertThat(Json.<Integer>read(api.as(outsider).get(API), "$.total")).isZero();
        assertThat((String) Json.read(api.as(owner).get(API + "/" + id), "$.health")).isEqualTo("UNTESTED");
    }

    @Test
    void thePageAddsAServerWithFieldErrorsAndRemovesIt() throws Exception {
        Member owner = workspaces.workspace("MCP client page");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/settings/mcp-connections")).contains("No MCP servers connected yet");

        MvcTestResult blank = web.post(session, "/settings/mcp-connections", "name", "", "url", "ftp://x", "secret", SECRET);
        assertThat(blank).hasStatus(400);
        assertThat(blank.getResponse().getContentAsString()).contains("Give the server a name", "ftp://x")
                .doesNotContain(SECRET);
        MvcTestResult ftp = web.post(session, "/settings/mcp-connections", "name", "Files", "url", "ftp://x");
        assertThat(ftp).hasStatus(400);
        assertThat(ftp.getResponse().getContentAsString()).contains("starting with https://", "aria-invalid=\"true\"");

        assertThat(web.post(session, "/settings/mcp-connections", "name", "Agent", "url", everythingUrl(),
                "secret", SECRET)).hasStatus3xxRedirection();
        assertThat(web.page(session, "/settings/mcp-connections")).contains("Agent", "Not checked yet", "Never")
                .doesNotContain(SECRET);
        String id = Json.read(api.as(owner).get(API), "$.items[0].id");
        assertThat(web.post(session, "/settings/mcp-connections/" + id + "/delete")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/settings/mcp-connections")).contains("No MCP servers connected yet");
    }

    private String created(Member owner, String body) {
        MvcTestResult added = api.as(owner).post(API, body);
        assertThat(added).hasStatus(201);
        return Json.read(added, "$.id");
    }

    private long auditEntries(Member owner) {
        return Json.<Number>read(api.as(owner).get("/api/v1/audit-log?size=1"), "$.total").longValue();
    }

    private static String everythingUrl() {
        return server.url();
    }
}
