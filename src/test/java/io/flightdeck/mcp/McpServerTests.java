package io.flightdeck.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MCP server through the official Java SDK's client, as an assistant would use it: it initialises on protocol
 * 2025-11-25, lists its tools with schemas and honest annotations, and answers a campaign list and a campaign as
 * structured content (validated by the SDK against the tool's output schema) in the caller's workspace only. Without a
 * key it is 401 with the protected resource metadata named; a page on another origin is refused; a malformed request
 * is refused without the server's internals in the answer.
 */
@FlightdeckTest
class McpServerTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApiClient api;

    private McpSyncClient client(Member member) {
        return McpClients.connect(port, member.bearer());
    }

    @Test
    void anAssistantListsTheToolsAndReadsTheCallersCampaignsOnly() {
        Member owner = workspaces.workspace("MCP campaigns");
        Member stranger = workspaces.workspace("MCP elsewhere");
        String campaign = campaigns.create(owner, "Harbour festival");
        campaigns.create(stranger, "Someone else's launch");

        try (McpSyncClient client = client(owner)) {
            assertThat(client.getCurrentInitializationResult().protocolVersion()).isEqualTo("2025-11-25");
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).contains("get_campaign", "get_campaign_readiness",
                    "list_campaigns");
            McpSchema.Tool list = tools.stream().filter(t -> t.name().equals("list_campaigns")).findFirst().orElseThrow();
            assertThat(list.annotations().readOnlyHint()).isTrue();
            assertThat(list.annotations().destructiveHint()).isFalse();
            assertThat(list.outputSchema()).containsKey("$defs");
            @SuppressWarnings("unchecked")
            Map<String, Object> arguments = (Map<String, Object>) list.inputSchema().get("properties");
            assertThat(arguments).containsKeys("status", "q", "page", "size");

            CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_campaigns", Map.of()));
            assertThat(listed.isError()).as("%s", listed.content()).isFalse();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) listed
                    .structuredContent()).get("items");
            assertThat(items).extracting(i -> i.get("name")).containsExactly("Harbour festival");
            assertThat(((McpSchema.TextContent) listed.content().get(0)).text()).contains("Harbour festival");

            CallToolResult got = client.callTool(new McpSchema.CallToolRequest("get_campaign", Map.of("id", campaign)));
            assertThat(got.isError()).as("%s", got.content()).isFalse();
            assertThat(((Map<?, ?>) got.structuredContent()).get("id")).isEqualTo(campaign);

            CallToolResult ready = client.callTool(new McpSchema.CallToolRequest("get_campaign_readiness",
                    Map.of("id", campaign)));
            assertThat(ready.isError()).as("%s", ready.content()).isFalse();
            assertThat(((Map<?, ?>) ready.structuredContent()).keySet()).map(String::valueOf)
                    .contains("score", "threshold", "items");
        }
    }

    @Test
    void anAssistantReadsACampaignsTasksAsTheApiListsThem() {
        Member owner = workspaces.workspace("MCP tasks");
        String campaign = campaigns.create(owner, "Harbour festival");
        String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                Map.of("title", "Book the stage")), "$.id");
        try (McpSyncClient client = client(owner)) {
            CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks",
                    Map.of("campaignId", campaign, "status", List.of("todo"))));
            assertThat(listed.isError()).as("%s", listed.content()).isFalse();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) listed
                    .structuredContent()).get("items");
            assertThat(items).extracting(i -> i.get("id")).containsExactly(task);
            CallToolResult wrongStatus = client.callTool(new McpSchema.CallToolRequest("list_tasks",
                    Map.of("status", List.of("sleeping"))));
            assertThat(wrongStatus.isError()).isTrue();
            assertThat(((McpSchema.TextContent) wrongStatus.content().get(0)).text()).contains("status");
            CallToolResult got = client.callTool(new McpSchema.CallToolRequest("get_task", Map.of("id", task)));
            assertThat(((Map<?, ?>) got.structuredContent()).get("title")).isEqualTo("Book the stage");
        }
    }

    @Test
    void anAssistantReadsACampaignsBriefAsAResourceAndGetsPromptsForCommonJobs() {
        Member owner = workspaces.workspace("MCP resources");
        Member stranger = workspaces.workspace("MCP resources elsewhere");
        String campaign = campaigns.create(owner, "Harbour festival");
        try (McpSyncClient client = client(owner)) {
            assertThat(client.listResourceTemplates().resourceTemplates())
                    .extracting(McpSchema.ResourceTemplate::uriTemplate)
                    .containsExactlyInAnyOrder("flightdeck://campaigns/{id}/brief", "flightdeck://campaigns/{id}/strategy",
                            "flightdeck://campaigns/{id}/report");
            McpSchema.ReadResourceResult brief = client.readResource(
                    new McpSchema.ReadResourceRequest("flightdeck://campaigns/" + campaign + "/brief"));
            McpSchema.TextResourceContents text = (McpSchema.TextResourceContents) brief.contents().get(0);
            assertThat(text.mimeType()).isEqualTo("application/json");
            assertThat(text.text()).contains("\"name\":\"Harbour festival\"", campaign);

            assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                    .containsExactlyInAnyOrder("plan_product_launch", "weekly_status_report", "what_blocks_campaign");
            McpSchema.GetPromptResult blocks = client.getPrompt(new McpSchema.GetPromptRequest("what_blocks_campaign",
                    Map.of("campaignId", campaign)));
            assertThat(((McpSchema.TextContent) blocks.messages().get(0).content()).text())
                    .contains(campaign, "get_campaign_blockers", "Change nothing");
            assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("what_blocks_campaign", Map.of())))
                    .isInstanceOf(McpError.class).hasMessageContaining("campaignId");
        }
        try (McpSyncClient client = client(stranger)) {
            assertThatThrownBy(() -> client.readResource(
                    new McpSchema.ReadResourceRequest("flightdeck://campaigns/" + campaign + "/brief")))
                    .as("another workspace's campaign is not found").isInstanceOf(McpError.class)
                    .hasMessageContaining("Resource not found");
        }
    }

    @Test
    void mistakesComeBackAsToolErrorsThatSayWhatToDo() {
        Member owner = workspaces.workspace("MCP mistakes");
        Member stranger = workspaces.workspace("MCP mistakes elsewhere");
        String theirs = campaigns.create(stranger, "Not yours");
        try (McpSyncClient client = client(owner)) {
            CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("get_campaign", Map.of("id", theirs)));
            assertThat(missing.isError()).isTrue();
            assertThat(((McpSchema.TextContent) missing.content().get(0)).text()).contains("was not found",
                    "List what there is first");
            CallToolResult malformed = client.callTool(new McpSchema.CallToolRequest("get_campaign",
                    Map.of("id", "not-an-id")));
            assertThat(malformed.isError()).isTrue();
            CallToolResult tooLong = client.callTool(new McpSchema.CallToolRequest("list_campaigns",
                    Map.of("q", "x".repeat(201))));
            assertThat(tooLong.isError()).isTrue();
            assertThat(((McpSchema.TextContent) tooLong.content().get(0)).text()).contains("q");
        }
    }

    @Test
    void withoutAKeyItIsUnauthorisedAndSaysWhereToLearnHowAndAForeignOriginIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String initialize = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
                "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";
        HttpResponse<String> anonymous = http.send(post(initialize).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .contains("resource_metadata=\"http://localhost:" + port + "/.well-known/oauth-protected-resource/mcp\""));
        HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/.well-known/oauth-protected-resource/mcp")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resource\":\"http://localhost:" + port + "/mcp\"",
                "\"bearer_methods_supported\":[\"header\"]");

        Member owner = workspaces.workspace("MCP origins");
        HttpResponse<String> foreign = http.send(post(initialize).header("Authorization", owner.bearer())
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);

        HttpResponse<String> malformed = http.send(post("{\"jsonrpc\": ").header("Authorization", owner.bearer())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).as("no server internals in an error").doesNotContain("stackTrace", "at io.");
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
