package io.flightdeck.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.NpmPackages;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server through clients nobody here wrote, from npm (pinned in {@code src/test/mcp-clients}): the official
 * TypeScript SDK's client lists the tools and reads structured output (checked by that SDK against the output schema),
 * and runs a campaign from its brief to scheduled posts, every change a dry run first; and the official conformance suite's server scenarios that need none of its own test tools pass. The suite sends no
 * credentials, so it talks to a small proxy here that adds a test member's Bearer token, as docs/mcp.md says.
 */
@FlightdeckTest
class McpNodeClientsTests {

    private static final Path FOLDER = Path.of("src", "test", "mcp-clients");
    /** The suite's scenarios that depend only on the protocol, not on its fixture tools, resources or prompts. */
    private static final List<String> SCENARIOS = List.of("server-initialize", "ping", "tools-list", "resources-list",
            "prompts-list");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTypeScriptSdksClientListsTheToolsAndReadsStructuredOutput() {
        NpmPackages.require(FOLDER, "node_modules/@modelcontextprotocol/sdk/package.json", "the MCP client tests");
        Member owner = workspaces.workspace("MCP from TypeScript");
        campaigns.create(owner, "Harbour festival");
        String out = node(List.of("node", "client.mjs", "http://localhost:" + port + "/mcp", owner.token(),
                "list_campaigns", "{\"q\":\"harbour\"}"));
        Object document = JsonPath.parse(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no answer from the client:\n" + out))).json();
        assertThat(JsonPath.<List<String>>read(document, "$.tools[*].name")).contains("list_campaigns", "get_campaign");
        assertThat(JsonPath.<List<Boolean>>read(document, "$.tools[*].hasOutputSchema")).containsOnly(true);
        assertThat(JsonPath.<List<Object>>read(document,
                "$.tools[?(@.name == 'list_campaigns')].annotations.readOnlyHint")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(document, "$.result.structuredContent.items[*].name"))
                .containsExactly("Harbour festival");
        assertThat(JsonPath.<String>read(document, "$.result.content[0].text")).contains("Harbour festival");
    }

    /**
     * An assistant on a personal key, through the TypeScript SDK (launch.mjs): creates the campaign from a brief,
     * starts its planning and schedules two posts on the workspace's sandbox account, each change a dry run first
     * (which the script checks changed nothing) and then confirmed; the posts wait in review. The sandbox account is
     * the one thing made over REST beforehand, as an admin connects accounts; the campaign is the assistant's.
     */
    @Test
    void theTypeScriptSdksClientRunsACampaignFromItsBriefToScheduledPostsWithDryRunsFirst() {
        NpmPackages.require(FOLDER, "node_modules/@modelcontextprotocol/sdk/package.json", "the MCP client tests");
        Member owner = workspaces.workspace("MCP launch from TypeScript");
        MvcTestResult key = api.as(owner).post("/api/v1/api-keys", """
                {"name":"Launch assistant","roleCeiling":"OWNER"}""");
        assertThat(key).hasStatus(201);
        String keyId = Json.read(key, "$.key.id");
        MvcTestResult sandbox = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Roastery on X (sandbox)","channel":"TWITTER","timeZone":"UTC",\
                "settings":{"mode":"NORMAL"}}""");
        assertThat(sandbox).hasStatus(201);
        String account = Json.read(sandbox, "$.id");

        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Instant first = start.plusDays(1).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
        Instant second = first.plus(java.time.Duration.ofDays(1));
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("name", "Autumn roast launch");
        brief.put("description", "Launch the autumn roast to regulars on X, with a teaser and a launch-day post");
        brief.put("type", "PRODUCT_LAUNCH");
        brief.put("objective", "300 pre-orders in the first week");
        brief.put("priority", "HIGH");
        brief.put("channels", List.of("TWITTER"));
        brief.put("startDate", start.toString());
        brief.put("endDate", start.plusDays(30).toString());
        brief.put("budget", Map.of("amount", new java.math.BigDecimal("1500.00"), "currency", "EUR"));
        List<Map<String, String>> posts = List.of(
                Map.of("title", "Autumn roast teaser", "text", "Something warm is coming on Friday.", "at",
                        first.toString()),
                Map.of("title", "Autumn roast is here", "text", "The autumn roast is here: pre-order today.", "at",
                        second.toString()));
        String plan = JsonMapper.builder().build().writeValueAsString(Map.of("brief", brief, "accountId", account,
                "posts", posts));

        String out = node(List.of("node", "launch.mjs", "http://localhost:" + port + "/mcp", secret(key), plan));
        Object summary = JsonPath.parse(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no answer from the client:\n" + out))).json();

        // what the assistant saw: the tools with their schemas, the preview it could not skip, each step previewed
        assertThat(JsonPath.<List<String>>read(summary, "$.tools[*].name")).contains("create_campaign",
                "move_campaign", "schedule_post", "list_posts", "get_post");
        assertThat(JsonPath.<List<Boolean>>read(summary, "$.tools[*].hasOutputSchema")).containsOnly(true);
        assertThat(JsonPath.<List<Object>>read(summary, "$.tools[?(@.name == 'schedule_post')].readOnly"))
                .containsExactly(false);
        assertThat(JsonPath.<Boolean>read(summary, "$.skippedPreview.isError")).isTrue();
        assertThat(JsonPath.<String>read(summary, "$.skippedPreview.text")).contains("dryRun: true");
        assertThat(JsonPath.<List<String>>read(summary, "$.steps[*].tool")).containsExactly("create_campaign",
                "move_campaign", "schedule_post", "schedule_post");
        assertThat(JsonPath.<List<Boolean>>read(summary, "$.steps[*].previewed.dryRun")).containsOnly(true);
        assertThat(JsonPath.<List<Boolean>>read(summary, "$.steps[*].confirmed.dryRun")).containsOnly(false);
        assertThat(JsonPath.<List<Boolean>>read(summary, "$.steps[*].confirmed.replayed")).containsOnly(false);
        // the dry runs changed nothing: no campaign, still a draft, no post, one post
        assertThat(JsonPath.<List<Object>>read(summary, "$.steps[0].unchangedByDryRun")).isEmpty();
        assertThat(JsonPath.<String>read(summary, "$.steps[0].previewed.after.name")).isEqualTo("Autumn roast launch");
        assertThat(JsonPath.<String>read(summary, "$.steps[0].previewed.after.status")).isEqualTo("DRAFT");
        assertThat(JsonPath.<String>read(summary, "$.steps[1].unchangedByDryRun")).isEqualTo("DRAFT");
        assertThat(JsonPath.<List<String>>read(summary, "$.steps[1].previewed.changedFields")).contains("status");
        assertThat(JsonPath.<String>read(summary, "$.steps[1].previewed.after.status")).isEqualTo("PLANNING");
        assertThat(JsonPath.<List<Object>>read(summary, "$.steps[2].unchangedByDryRun")).isEmpty();
        assertThat(JsonPath.<List<Object>>read(summary, "$.steps[3].unchangedByDryRun")).hasSize(1);
        String campaign = JsonPath.read(summary, "$.campaign.id");
        assertThat(JsonPath.<String>read(summary, "$.campaign.status")).isEqualTo("PLANNING");
        List<String> scheduled = JsonPath.read(summary, "$.scheduled");
        assertThat(scheduled).hasSize(2).doesNotHaveDuplicates();
        assertThat(JsonPath.<Integer>read(summary, "$.listed.total")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(summary, "$.posts[*].id")).containsExactlyInAnyOrderElementsOf(scheduled);
        assertThat(JsonPath.<List<String>>read(summary, "$.posts[*].status")).containsOnly("SCHEDULED");
        assertThat(JsonPath.<List<String>>read(summary, "$.posts[*].channels[*].accountId")).containsOnly(account);
        assertThat(JsonPath.<List<String>>read(summary, "$.posts[*].channels[*].scheduledAt")
                .stream().map(Instant::parse).toList()).containsExactlyInAnyOrder(first, second);
        // nothing the assistant called approves: the schedule's approval is still to come, a blocker before launch
        assertThat(JsonPath.<List<Boolean>>read(summary, "$.approvals[?(@.key == 'approvals.schedule')].done"))
                .containsExactly(false);
        assertThat(JsonPath.<List<Boolean>>read(summary, "$.approvals[?(@.key == 'approvals.schedule')].blocking"))
                .containsExactly(true);

        // what the workspace holds: the campaign once, as briefed and planning; its two posts, waiting in review
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/campaigns?q=Autumn"), "$.total")).isEqualTo(1);
        MvcTestResult made = api.as(owner).get("/api/v1/campaigns/" + campaign);
        assertThat(made).hasStatusOk();
        assertThat((String) Json.read(made, "$.name")).isEqualTo("Autumn roast launch");
        assertThat((String) Json.read(made, "$.objective")).isEqualTo("300 pre-orders in the first week");
        assertThat((String) Json.read(made, "$.status")).isEqualTo("PLANNING");
        assertThat((String) Json.read(made, "$.startDate")).isEqualTo(start.toString());
        MvcTestResult queue = api.as(owner).get("/api/v1/social/queue/" + campaign);
        assertThat((Integer) Json.read(queue, "$.total")).isEqualTo(2);
        assertThat(Json.<List<String>>read(queue, "$.items[*].status")).containsOnly("SCHEDULED");
        assertThat(Json.<List<String>>read(queue, "$.items[*].title")).containsExactlyInAnyOrder(
                "Autumn roast teaser", "Autumn roast is here");
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        for (String post : scheduled) {
            List<String> items = Json.read(api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign
                    + "/approval-items?size=100"), "$.items[?(@.itemId=='" + post + "')].id");
            assertThat(items).as("the review item of post " + post).hasSize(1);
            assertThat(approvals.state(owner, items.get(0))).isEqualTo("PENDING");
        }

        // the record of the calls: each change previewed, then made, on the key, through the client that connected
        List<Map<String, Object>> calls = jdbc.sql("""
                select tool, outcome, api_key_id, client_name, client_version from assistant_calls
                where tenant_id = ? order by occurred_at, id""").param(owner.workspaceId()).query().listOfRows();
        assertThat(calls).allSatisfy(row -> {
            assertThat(row.get("api_key_id")).isEqualTo(UUID.fromString(keyId));
            assertThat(row).containsEntry("client_name", "flightdeck-launch").containsEntry("client_version", "1.0.0");
        });
        assertThat(calls).filteredOn(row -> !"read".equals(row.get("outcome")))
                .extracting(row -> row.get("tool") + " " + row.get("outcome")).containsExactly(
                        "create_campaign refused",
                        "create_campaign previewed", "create_campaign changed",
                        "move_campaign previewed", "move_campaign changed",
                        "schedule_post previewed", "schedule_post changed",
                        "schedule_post previewed", "schedule_post changed");
        List<Map<String, Object>> audited = Json.read(api.as(owner)
                .get("/api/v1/audit-log?entityType=Campaign&action=created"), "$.items");
        assertThat(audited).singleElement().satisfies(row -> assertThat((String) row.get("actorName"))
                .endsWith("(through flightdeck-launch 1.0.0)"));
    }

    private static String secret(MvcTestResult createdKey) {
        return Json.read(createdKey, "$.secret");
    }

    @Test
    void theConformanceSuitesProtocolScenariosPass() throws IOException {
        NpmPackages.require(FOLDER, "node_modules/@modelcontextprotocol/conformance/package.json",
                "the MCP conformance tests");
        Member owner = workspaces.workspace("MCP conformance");
        HttpServer proxy = keyAddingProxy(owner.bearer());
        try {
            String url = "http://localhost:" + proxy.getAddress().getPort() + "/mcp";
            for (String scenario : SCENARIOS) {
                String out = node(List.of("node", "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                        "server", "--url", url, "--scenario", scenario));
                // the suite exits 1 on any failed check (checked in node()); every check counted passed
                assertThat(out).as(scenario).containsPattern("Passed: (\\d+)/\\1, 0 failed");
            }
        } finally {
            proxy.stop(0);
        }
    }

    /** Forwards every request to /mcp with the Authorization header added, the answer back as it came. */
    private HttpServer keyAddingProxy(String bearer) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        proxy.createContext("/mcp", exchange -> forward(http, exchange, bearer));
        proxy.start();
        return proxy;
    }

    private void forward(HttpClient http, HttpExchange exchange, String bearer) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()))
                    .header("Authorization", bearer);
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                String name = header.getKey();
                if (List.of("host", "content-length", "connection", "authorization").contains(name.toLowerCase())) {
                    continue;
                }
                header.getValue().forEach(value -> request.header(name, value));
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!List.of("content-length", "transfer-encoding", ":status").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String node(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(FOLDER.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " timed out:\n" + out);
            }
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
