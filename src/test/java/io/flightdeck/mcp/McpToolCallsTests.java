package io.flightdeck.mcp;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
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
import static org.awaitility.Awaitility.await;

/**
 * A campaign's data sent to a tool of a connected MCP server, through the ledger: against the official reference
 * server {@code @modelcontextprotocol/server-everything} (behind the proxy that wants the secret and notes each
 * {@code tools/call}'s idempotency key), so the call, its arguments and its answer are the server's own, not a fake's.
 */
@FlightdeckTest
class McpToolCallsTests {

    private static final String SECRET = "everything-secret-tool-calls-1";

    private static ReferenceMcpServer server;

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
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
    void aManagerSendsTheCampaignsDataToAToolOnceAndReadsItsAnswer() {
        Member owner = workspaces.workspace("MCP tool calls");
        String connection = connected(owner);
        String campaign = campaigns.draft("Harvest launch").dates(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 30))
                .channels("INSTAGRAM", "LINKEDIN").createdBy(owner);
        Member manager = workspaces.addMember(owner, Role.MANAGER);

        MvcTestResult asked = api.as(manager).post(calls(campaign), Map.of("connectionId", connection, "tool", "echo",
                "arguments", Map.of("message", "{{campaign.name}} starts {{campaign.startDate}} on {{campaign.channels}}")));
        assertThat(asked).hasStatus(202);
        String id = Json.read(asked, "$.id");
        assertThat(asked.getResponse().getHeader("Location")).isEqualTo("/api/v1/mcp-tool-calls/" + id);
        assertThat((String) Json.read(asked, "$.arguments"))
                .isEqualTo("{\"message\":\"Harvest launch starts 2031-03-01 on [INSTAGRAM, LINKEDIN]\"}");

        MvcTestResult done = awaitSettled(owner, id);
        assertThat((String) Json.read(done, "$.state")).isEqualTo("DONE");
        assertThat((Boolean) Json.read(done, "$.toolError")).isFalse();
        assertThat((String) Json.read(done, "$.answer")).isEqualTo("Echo: Harvest launch starts 2031-03-01 on [INSTAGRAM, LINKEDIN]");
        assertThat((Integer) Json.read(done, "$.attempts")).isEqualTo(1);
        String key = Json.read(done, "$.idempotencyKey");
        assertThat(server.toolCallKeys()).as("the call reached the server once, with its ledger key").containsOnlyOnce(key);

        MvcTestResult sum = api.as(manager).post(calls(campaign), Map.of("connectionId", connection, "tool", "get-sum",
                "arguments", Map.of("a", 2, "b", 40)));
        assertThat((String) Json.read(awaitSettled(owner, Json.read(sum, "$.id")), "$.answer")).contains("42");

        assertThat(Json.<List<String>>read(api.as(owner).get(calls(campaign)), "$.items[*].tool"))
                .as("newest first").containsExactly("get-sum", "echo");
        Member stranger = workspaces.workspace("MCP tool calls elsewhere");
        assertThat(api.as(stranger).get("/api/v1/mcp-tool-calls/" + id)).as("another workspace's call").hasStatus(404);
        assertThat(api.as(stranger).post("/api/v1/mcp-tool-calls/" + id + "/again")).hasStatus(404);
        assertThat(web.post(web.signIn(stranger), "/tool-calls/" + id + "/again")).hasStatus(404);
        MockHttpSession session = web.signIn(manager);
        assertThat(web.page(session, "/campaigns/" + campaign + "/tool-calls")).contains("Connected tools",
                "Echo: Harvest launch starts 2031-03-01", key, "Call tool", "Everything");
        assertThat(web.page(session, "/campaigns/" + campaign + "/tool-calls/panel")).contains("get-sum", "Done");
    }

    @Test
    void theFormCallsAToolAndComesBackWithFieldErrors() throws Exception {
        Member owner = workspaces.workspace("MCP tool call form");
        String connection = connected(owner);
        String campaign = campaigns.create(owner, "Form launch");
        MockHttpSession session = web.signIn(owner);
        String page = "/campaigns/" + campaign + "/tool-calls";
        assertThat(web.page(session, page)).contains("No tools called yet", "get-sum");

        MvcTestResult notJson = web.post(session, page, "target", connection + " echo", "arguments", "{message");
        assertThat(notJson).hasStatus(400);
        assertThat(notJson.getResponse().getContentAsString()).contains("Write the arguments as a JSON object", "{message");
        MvcTestResult wrongType = web.post(session, page, "target", connection + " get-sum", "arguments", "{\"a\":\"two\"}");
        assertThat(wrongType).hasStatus(400);
        assertThat(wrongType.getResponse().getContentAsString()).contains("do not match what get-sum takes");

        assertThat(web.post(session, page, "target", connection + " echo", "arguments",
                "{\"message\":\"{{campaign.name}}\"}")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(30)).until(() -> web.page(session, page).contains("Echo: Form launch"));
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten() {
        Member owner = workspaces.workspace("MCP tool call input");
        String connection = connected(owner);
        String campaign = campaigns.create(owner, "Input launch");
        Member other = workspaces.workspace("MCP tool call other");
        String foreignConnection = connected(other);
        String foreignCampaign = campaigns.create(other, "Not yours");

        Map<String, Map<String, Object>> refused = Map.of(
                "an unknown tool", Map.of("connectionId", connection, "tool", "no-such-tool"),
                "another workspace's connection", Map.of("connectionId", foreignConnection, "tool", "echo"),
                "a made-up connection", Map.of("connectionId", UUID.randomUUID().toString(), "tool", "echo"),
                "arguments the schema refuses", Map.of("connectionId", connection, "tool", "get-sum",
                        "arguments", Map.of("a", "two", "b", 3)),
                "a field the campaign lacks", Map.of("connectionId", connection, "tool", "echo",
                        "arguments", Map.of("message", "{{campaign.budgetPassword}}")),
                "arguments too long", Map.of("connectionId", connection, "tool", "echo",
                        "arguments", Map.of("message", "x".repeat(20_000))),
                "no tool", Map.of("connectionId", connection));
        refused.forEach((what, body) -> {
            MvcTestResult answer = api.as(owner).post(calls(campaign), body);
            assertThat(answer).as(what).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(Json.<List<String>>read(api.as(owner).post(calls(campaign), Map.of("connectionId", connection,
                "tool", "echo", "arguments", Map.of("message", "{{campaign.budgetPassword}}"))), "$.errors[*].message"))
                .singleElement().asString().contains("not a campaign field", "{{campaign.name}}");
        assertThat(api.as(owner).post(calls(foreignCampaign), Map.of("connectionId", connection, "tool", "echo")))
                .hasStatus(404);
        assertThat(api.as(owner).post(calls(campaign), "{\"connectionId\":\"" + connection
                + "\",\"tool\":\"echo\",\"arguments\":[1,2]}")).hasStatus(400);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String viewerKey = "Bearer " + Json.read(api.as(owner).post("/api/v1/api-keys",
                Map.of("name", "Read only", "roleCeiling", "VIEWER")), "$.secret");
        Map<String, Object> fine = Map.of("connectionId", connection, "tool", "echo", "arguments", Map.of("message", "hi"));
        for (ApiClient.Caller caller : List.of(api.as(viewer), api.as(contributor),
                api.as(owner).header("Authorization", viewerKey))) {
            assertThat(caller.post(calls(campaign), fine)).hasStatus(403);
            assertThat(caller.get(calls(campaign))).as("any member reads them").hasStatusOk();
        }
        assertThat(jdbc.sql("select count(*) from mcp_tool_calls where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single()).isZero();
        assertThat(api.as(other).get(calls(campaign))).hasStatus(404);
    }

    @Test
    void aServerThatCannotBeReachedIsTriedAgainLaterAndAFailedCallIsMadeAgainByAPerson() {
        Member owner = workspaces.workspace("MCP tool call retries");
        String connection = connected(owner);
        String campaign = campaigns.create(owner, "Retry launch");
        int dead = freePort();
        // the server moved away after its check: the snapshot stays, the address no longer answers
        jdbc.sql("update mcp_connections set url = ? where id = ?").param("http://localhost:" + dead + "/mcp")
                .param(UUID.fromString(connection)).update();

        String id = Json.read(api.as(owner).post(calls(campaign), Map.of("connectionId", connection, "tool", "echo",
                "arguments", Map.of("message", "hello"))), "$.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETRYING".equals(Json.read(api.as(owner)
                .get("/api/v1/mcp-tool-calls/" + id), "$.state")));
        MvcTestResult retrying = api.as(owner).get("/api/v1/mcp-tool-calls/" + id);
        assertThat((String) Json.read(retrying, "$.reason")).contains("Nothing answered at localhost:" + dead);
        assertThat((String) Json.read(retrying, "$.nextAttemptAt")).isNotNull();
        assertThat(api.as(owner).post("/api/v1/mcp-tool-calls/" + id + "/again")).as("only a person's call to make")
                .hasStatus(409);
        assertThat(web.page(web.signIn(owner), "/settings/outgoing?ledger=mcp-tool-calls")).contains("Tool echo",
                "Nothing answered");

        // the server is back and the call failed for good meanwhile: a person makes it again, under the same key
        jdbc.sql("update mcp_connections set url = ? where id = ?").param(server.url()).param(UUID.fromString(connection))
                .update();
        jdbc.sql("update mcp_tool_calls set state = 'FAILED', next_attempt_at = null where id = ?")
                .param(UUID.fromString(id)).update();
        assertThat(api.as(owner).post("/api/v1/mcp-tool-calls/" + id + "/again")).hasStatusOk();
        MvcTestResult done = awaitSettled(owner, id);
        assertThat((String) Json.read(done, "$.answer")).isEqualTo("Echo: hello");
        assertThat(server.toolCallKeys()).containsOnlyOnce((String) Json.read(done, "$.idempotencyKey"));
    }

    private String connected(Member owner) {
        String id = Json.read(api.as(owner).post("/api/v1/mcp-connections",
                Map.of("name", "Everything", "url", server.url(), "secret", SECRET)), "$.id");
        assertThat((String) Json.read(api.as(owner).post("/api/v1/mcp-connections/" + id + "/check"), "$.health"))
                .isEqualTo("HEALTHY");
        return id;
    }

    private MvcTestResult awaitSettled(Member as, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("DONE", "FAILED", "IN_DOUBT")
                .contains((String) Json.read(api.as(as).get("/api/v1/mcp-tool-calls/" + id), "$.state")));
        return api.as(as).get("/api/v1/mcp-tool-calls/" + id);
    }

    private static String calls(String campaign) {
        return "/api/v1/campaigns/" + campaign + "/mcp-tool-calls";
    }

    private static int freePort() {
        try {
            return ReferenceMcpServer.freePort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
