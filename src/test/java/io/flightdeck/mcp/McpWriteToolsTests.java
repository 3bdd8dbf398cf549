package io.flightdeck.mcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.WebSessions;
import io.flightdeck.support.TestWorkspaces.Member;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tools that change something, through the official Java SDK's client: a write is always previewed by a dry run that
 * changes nothing and answers a confirmation bound to the exact arguments and the state previewed; the confirmed call
 * makes exactly that change once (the same confirmation again answers the first result), and is refused when the
 * arguments differ or the thing changed since. A role that may not make the change does not see the tool, and calling
 * it anyway is an unknown tool.
 */
@FlightdeckTest
class McpWriteToolsTests {

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
    WebSessions sessions;

    private McpSyncClient client(Member member) {
        return client(member.bearer());
    }

    private McpSyncClient client(String bearer) {
        return McpClients.connect(port, bearer);
    }

    private static Map<String, Object> campaign(String name) {
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("name", name);
        campaign.put("type", "PRODUCT_LAUNCH");
        campaign.put("channels", List.of("EMAIL"));
        return campaign;
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String key, Object value) {
        Map<String, Object> more = new HashMap<>(arguments);
        more.put(key, value);
        return more;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        assertThat(result.isError()).as("%s", result.content()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private int count(Member member) {
        return Json.read(api.as(member).get("/api/v1/campaigns"), "$.total");
    }

    @Test
    void aCampaignIsCreatedOnlyAfterADryRunAndOnceForItsConfirmation() {
        Member owner = workspaces.workspace("MCP writes");
        try (McpSyncClient client = client(owner)) {
            McpSchema.Tool create = client.listTools().tools().stream()
                    .filter(t -> t.name().equals("create_campaign")).findFirst().orElseThrow();
            assertThat(create.annotations().readOnlyHint()).isFalse();
            assertThat((Map<String, Object>) create.inputSchema().get("properties")).containsKeys("dryRun",
                    "confirmation", "name", "type");

            Map<String, Object> arguments = campaign("Autumn drop");
            CallToolResult unpreviewed = client.callTool(new CallToolRequest("create_campaign", arguments));
            assertThat(unpreviewed.isError()).isTrue();
            assertThat(text(unpreviewed)).contains("dryRun: true");

            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("create_campaign",
                    with(arguments, "dryRun", true))));
            assertThat(preview.get("dryRun")).isEqualTo(true);
            assertThat(preview.get("before")).isNull();
            assertThat((Map<String, Object>) preview.get("after")).containsEntry("name", "Autumn drop")
                    .containsEntry("status", "DRAFT");
            assertThat(preview.get("confirmation")).isNotNull();
            assertThat(count(owner)).as("a dry run changes nothing").isZero();

            CallToolResult otherArguments = client.callTool(new CallToolRequest("create_campaign",
                    with(campaign("Winter drop"), "confirmation", preview.get("confirmation"))));
            assertThat(otherArguments.isError()).isTrue();
            assertThat(text(otherArguments)).contains("another call");
            assertThat(count(owner)).isZero();

            Map<String, Object> done = structured(client.callTool(new CallToolRequest("create_campaign",
                    with(arguments, "confirmation", preview.get("confirmation")))));
            assertThat(done.get("dryRun")).isEqualTo(false);
            assertThat(done.get("replayed")).isEqualTo(false);
            assertThat((Map<String, Object>) done.get("after")).containsEntry("name", "Autumn drop");
            assertThat(count(owner)).isEqualTo(1);

            Map<String, Object> again = structured(client.callTool(new CallToolRequest("create_campaign",
                    with(arguments, "confirmation", preview.get("confirmation")))));
            assertThat(again.get("replayed")).isEqualTo(true);
            assertThat(((Map<?, ?>) again.get("after")).get("id")).isEqualTo(((Map<?, ?>) done.get("after")).get("id"));
            assertThat(count(owner)).as("a confirmation makes its change once").isEqualTo(1);

            CallToolResult forged = client.callTool(new CallToolRequest("create_campaign",
                    with(arguments, "confirmation", "not-a-token")));
            assertThat(forged.isError()).isTrue();
            assertThat(count(owner)).isEqualTo(1);
        }
    }

    @Test
    void anUpdatePreviewsEachFieldThatChangesAndIsRefusedWhenTheCampaignChangedSince() {
        Member owner = workspaces.workspace("MCP updates");
        String id = campaigns.create(owner, "Harbour festival");
        try (McpSyncClient client = client(owner)) {
            Map<String, Object> arguments = Map.of("id", id, "campaign", campaign("Harbour festival 2027"));
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("update_campaign",
                    with(arguments, "dryRun", true))));
            assertThat((Map<String, Object>) preview.get("before")).containsEntry("name", "Harbour festival");
            assertThat((List<Map<String, Object>>) preview.get("changes")).anySatisfy(change -> assertThat(change)
                    .containsEntry("field", "name").containsEntry("from", "Harbour festival")
                    .containsEntry("to", "Harbour festival 2027"));
            assertThat((String) Json.read(api.as(owner).get("/api/v1/campaigns/" + id), "$.name"))
                    .isEqualTo("Harbour festival");

            // a person changes it meanwhile: what was previewed is no longer what the call would do
            api.as(owner).put("/api/v1/campaigns/" + id, """
                    {"name":"Harbour festival (renamed)","type":"PRODUCT_LAUNCH","channels":["EMAIL"]}""");
            CallToolResult stale = client.callTool(new CallToolRequest("update_campaign",
                    with(arguments, "confirmation", preview.get("confirmation"))));
            assertThat(stale.isError()).isTrue();
            assertThat(text(stale)).contains("changed since your dry run");
            assertThat((String) Json.read(api.as(owner).get("/api/v1/campaigns/" + id), "$.name"))
                    .isEqualTo("Harbour festival (renamed)");

            Map<String, Object> fresh = structured(client.callTool(new CallToolRequest("update_campaign",
                    with(arguments, "dryRun", true))));
            structured(client.callTool(new CallToolRequest("update_campaign",
                    with(arguments, "confirmation", fresh.get("confirmation")))));
            assertThat((String) Json.read(api.as(owner).get("/api/v1/campaigns/" + id), "$.name"))
                    .isEqualTo("Harbour festival 2027");
        }
    }

    @Test
    void aRoleThatCannotMakeAChangeDoesNotSeeTheToolAndCannotCallIt() {
        Member owner = workspaces.workspace("MCP roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        for (Member member : List.of(viewer, contributor)) {
            try (McpSyncClient client = client(member)) {
                assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                        .contains("list_campaigns", "get_campaign")
                        .doesNotContain("create_campaign", "update_campaign");
                assertThatThrownBy(() -> client.callTool(new CallToolRequest("create_campaign",
                        with(campaign("Sneaky"), "dryRun", true))))
                        .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool: create_campaign");
            }
        }
        assertThat(count(owner)).isZero();
    }

    @Test
    void aKeysToolsetsAndReadOnlySwitchBoundWhatItsAssistantSeesAndCalls() {
        Member owner = workspaces.workspace("MCP key limits");
        String planningOnly = Json.read(api.as(owner).post("/api/v1/api-keys", """
                {"name":"Planner","roleCeiling":"OWNER","assistant":{"toolsets":["PLANNING"],"readOnly":false}}"""),
                "$.secret");
        String readOnly = Json.read(api.as(owner).post("/api/v1/api-keys", """
                {"name":"Reader","roleCeiling":"OWNER","assistant":{"toolsets":null,"readOnly":true}}"""), "$.secret");
        assertThat((List<Object>) Json.read(api.as(owner).get("/api/v1/api-keys"), "$.items[*].assistant.readOnly"))
                .contains(true, false);

        try (McpSyncClient client = client("Bearer " + planningOnly)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("list_tasks", "get_task").doesNotContain("list_campaigns", "create_campaign");
            assertThatThrownBy(() -> client.callTool(new CallToolRequest("list_campaigns", Map.of())))
                    .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool: list_campaigns");
        }
        try (McpSyncClient client = client("Bearer " + readOnly)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("list_campaigns", "list_tasks").doesNotContain("create_campaign", "update_campaign");
            assertThatThrownBy(() -> client.callTool(new CallToolRequest("create_campaign",
                    with(campaign("Sneaky"), "dryRun", true)))).isInstanceOf(McpError.class);
        }
        assertThat(count(owner)).isZero();
    }

    @Test
    void anAdminKeepsEveryAssistantOfTheWorkspaceToReading() {
        Member owner = workspaces.workspace("MCP read-only workspace");
        api.as(owner).put("/api/v1/workspace", Map.of("name", "MCP read-only workspace", "timeZone", "UTC",
                "locale", "en", "assistantsReadOnly", true));
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/workspace"), "$.assistantsReadOnly")).isTrue();
        try (McpSyncClient client = client(owner)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("list_campaigns").doesNotContain("create_campaign", "update_campaign");
        }
        // a later change that leaves the switch out keeps it as it is
        api.as(owner).put("/api/v1/workspace", Map.of("name", "Renamed", "timeZone", "UTC", "locale", "en"));
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/workspace"), "$.assistantsReadOnly")).isTrue();
        api.as(owner).put("/api/v1/workspace", Map.of("name", "Renamed", "timeZone", "UTC", "locale", "en",
                "assistantsReadOnly", false));
        try (McpSyncClient client = client(owner)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("create_campaign");
        }
    }

    @Test
    void aKeyOverItsPaceGetsAToolErrorSayingWhenToTryAgain() {
        Member owner = workspaces.workspace("MCP pace");
        try (McpSyncClient client = client(owner)) {
            // the default pace: 120 calls a minute for a caller, refilled evenly (two a second) while the loop runs
            int allowed = 0;
            CallToolResult over = client.callTool(new CallToolRequest("list_campaigns", Map.of()));
            while (!over.isError() && allowed < 400) {
                allowed++;
                over = client.callTool(new CallToolRequest("list_campaigns", Map.of()));
            }
            assertThat(allowed).isBetween(120, 399);
            assertThat(over.isError()).isTrue();
            assertThat(text(over)).contains("Too many calls").containsPattern("Try again in \\d+ seconds");
        }
        try (McpSyncClient other = client(workspaces.addMember(owner, Role.VIEWER))) {
            assertThat(other.callTool(new CallToolRequest("list_campaigns", Map.of())).isError())
                    .as("another member's assistant keeps its own pace").isFalse();
        }
    }

    @Test
    void badPagingOfTheCallsIsAProblemOrBoundedNeverAnError() {
        Member owner = workspaces.workspace("MCP calls paging");
        try (McpSyncClient client = client(owner)) {
            for (int i = 0; i < 3; i++) {
                structured(client.callTool(new CallToolRequest("list_campaigns", Map.of())));
            }
        }
        String calls = "/api/v1/assistant-calls";
        // out of range numbers are bounded, as every list's paging is: page from 0, size 1 to 100 (20 when not one)
        MvcTestResult negative = api.as(owner).get(calls + "?page=-1&size=0");
        assertThat(negative).hasStatusOk();
        assertThat((Integer) Json.read(negative, "$.page")).isZero();
        assertThat((Integer) Json.read(negative, "$.size")).isEqualTo(20);
        assertThat((List<Object>) Json.read(negative, "$.items")).hasSize(3);
        MvcTestResult huge = api.as(owner).get(calls + "?size=100000&scope=all");
        assertThat(huge).hasStatusOk();
        assertThat((Integer) Json.read(huge, "$.size")).isEqualTo(100);
        assertThat((Integer) Json.read(huge, "$.total")).isEqualTo(3);
        MvcTestResult beyond = api.as(owner).get(calls + "?page=50");
        assertThat(beyond).hasStatusOk();
        assertThat((List<Object>) Json.read(beyond, "$.items")).isEmpty();
        assertThat((Integer) Json.read(beyond, "$.total")).isEqualTo(3);
        // what is not a number, or not a scope, is a problem that names the parameter
        for (String bad : List.of("?page=abc", "?size=abc", "?page=1.5", "?scope=bogus", "?scope=ALL")) {
            MvcTestResult problem = api.as(owner).get(calls + bad);
            assertThat(problem).as(bad).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
            assertThat(Json.body(problem)).as(bad).contains(bad.substring(1, bad.indexOf('=')));
        }
        assertThat(Json.body(api.as(owner).get(calls + "?scope=bogus"))).contains("mine", "all");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCallIsInTheAuditLogAsTheAssistantsOnThePersonsBehalf() {
        Member owner = workspaces.workspace("MCP audit");
        try (McpSyncClient client = client(owner)) {
            structured(client.callTool(new CallToolRequest("list_campaigns", Map.of())));
            Map<String, Object> arguments = campaign("Audited drop");
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("create_campaign",
                    with(arguments, "dryRun", true))));
            structured(client.callTool(new CallToolRequest("create_campaign",
                    with(arguments, "confirmation", preview.get("confirmation")))));
            assertThat(client.callTool(new CallToolRequest("get_campaign",
                    Map.of("id", "00000000-0000-7000-8000-000000000000"))).isError()).isTrue();
        }
        List<Map<String, Object>> calls = Json.read(api.as(owner)
                .get("/api/v1/audit-log?entityType=AssistantCall&size=50"), "$.items");
        assertThat(calls).hasSize(4).allSatisfy(row -> assertThat((String) row.get("actorName"))
                .isEqualTo(owner.actor().displayName() + " (through Java SDK MCP Client 0.15.0)"));
        assertThat(calls).extracting(row -> JsonPath.read(row.get("changes"), "$.outcome.to"))
                .containsExactlyInAnyOrder("read", "previewed", "changed", "refused");
        assertThat(calls).extracting(row -> JsonPath.read(row.get("changes"), "$.tool.to"))
                .containsOnly("list_campaigns", "create_campaign", "get_campaign");
        assertThat(calls).allSatisfy(row -> {
            assertThat(row.get("changes").toString()).as("the arguments are kept as a hash, not as they were written")
                    .doesNotContain("Audited drop");
            assertThat((String) JsonPath.read(row.get("changes"), "$.argumentsDigest.to")).matches("[0-9a-f]{64}");
        });

        List<Map<String, Object>> made = Json.read(api.as(owner)
                .get("/api/v1/audit-log?entityType=Campaign&action=created"), "$.items");
        assertThat(made).singleElement().satisfies(row -> assertThat((String) row.get("actorName"))
                .endsWith("(through Java SDK MCP Client 0.15.0)"));

        // the person's own list, over the API and on the assistants page; another member sees only theirs
        List<Map<String, Object>> mine = Json.read(api.as(owner).get("/api/v1/assistant-calls"), "$.items");
        assertThat(mine).hasSize(4).first().satisfies(call -> assertThat(call)
                .containsEntry("tool", "get_campaign").containsEntry("outcome", "refused")
                .containsEntry("clientName", "Java SDK MCP Client").containsEntry("clientVersion", "0.15.0"));
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat((Integer) Json.read(api.as(viewer).get("/api/v1/assistant-calls?scope=all"), "$.total"))
                .as("only admins read everyone's").isZero();
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/assistant-calls?scope=all"), "$.total")).isEqualTo(4);
        MvcTestResult page = mvc.get().uri("/settings/assistants").session(sessions.signIn(owner)).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("/mcp", "claude mcp add", "get_campaign",
                "Java SDK MCP Client 0.15.0", "Everyone's");
    }
}
