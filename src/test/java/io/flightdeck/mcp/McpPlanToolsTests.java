package io.flightdeck.mcp;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's plan and lifecycle through the official Java SDK's client: the timeline laid out, read with its
 * critical path and staffed, each change previewed first; the campaign moved along its lifecycle, a refused move
 * answered with what is allowed, and ending it needing the person's explicit yes beside the confirmation.
 */
@FlightdeckTest
class McpPlanToolsTests {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        assertThat(result.isError()).as("%s", result.content()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static Map<String, Object> with(Map<String, Object> arguments, Object... more) {
        Map<String, Object> all = new HashMap<>(arguments);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }

    /** Previews the call, then makes it with the confirmation (and any extra arguments); answers its outcome. */
    private static Map<String, Object> previewedThenDone(McpSyncClient client, String tool, Map<String, Object> arguments,
            Object... extra) {
        Map<String, Object> preview = structured(client.callTool(new CallToolRequest(tool, with(arguments, "dryRun", true))));
        Object[] confirmed = new Object[extra.length + 2];
        confirmed[0] = "confirmation";
        confirmed[1] = preview.get("confirmation");
        System.arraycopy(extra, 0, confirmed, 2, extra.length);
        return structured(client.callTool(new CallToolRequest(tool, with(arguments, confirmed))));
    }

    private String status(Member member, String campaign) {
        return Json.read(api.as(member).get("/api/v1/campaigns/" + campaign), "$.status");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantLaysOutAndStaffsAPlanAfterPreviewingIt() {
        PlanningRequests planning = new PlanningRequests(mvc);
        Member owner = planning.workspace(workspaces, "MCP plans");
        String campaign = planning.campaign(owner, "Spring launch", "PRODUCT_LAUNCH", "HIGH",
                LocalDate.now().plusDays(30), LocalDate.now().plusDays(90));
        try (McpSyncClient client = McpClients.connect(port, owner.bearer())) {
            CallToolResult none = client.callTool(new CallToolRequest("get_timeline", Map.of("campaignId", campaign)));
            assertThat(none.isError()).isTrue();
            assertThat(text(none)).contains("List what there is first");

            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("generate_timeline",
                    Map.of("campaignId", campaign, "dryRun", true))));
            assertThat((List<?>) ((Map<String, Object>) preview.get("after")).get("items")).isNotEmpty();
            assertThat(planning.timeline(owner, campaign)).as("a dry run lays nothing out").hasStatus(404);

            Map<String, Object> laidOut = previewedThenDone(client, "generate_timeline", Map.of("campaignId", campaign));
            List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) laidOut.get("after"))
                    .get("items");
            assertThat(planning.timeline(owner, campaign)).hasStatus(200);

            Map<String, Object> timeline = structured(client.callTool(new CallToolRequest("get_timeline",
                    Map.of("campaignId", campaign))));
            assertThat((List<?>) timeline.get("items")).hasSameSizeAs(items);
            Map<String, Object> critical = structured(client.callTool(new CallToolRequest("get_critical_path",
                    Map.of("campaignId", campaign))));
            assertThat((Integer) critical.get("durationDays")).isPositive();

            Map<String, Object> staffed = previewedThenDone(client, "auto_assign_campaign_tasks",
                    Map.of("campaignId", campaign));
            assertThat((Map<String, Object>) staffed.get("after")).containsEntry("dryRun", false).containsKey("tasks");
        }
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        try (McpSyncClient client = McpClients.connect(port, viewer.bearer())) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("get_timeline", "get_critical_path")
                    .doesNotContain("generate_timeline", "auto_assign_campaign_tasks", "move_campaign", "end_campaign");
        }
        Member stranger = workspaces.workspace("MCP plans elsewhere");
        try (McpSyncClient client = McpClients.connect(port, stranger.bearer())) {
            assertThat(client.callTool(new CallToolRequest("get_critical_path", Map.of("campaignId", campaign)))
                    .isError()).as("another workspace's campaign is not found").isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantMovesACampaignAndEndsItOnlyWithThePersonsExplicitYes() {
        PlanningRequests planning = new PlanningRequests(mvc);
        Member owner = planning.workspace(workspaces, "MCP lifecycle");
        String campaign = planning.campaign(owner, "Summer sale", "PRODUCT_LAUNCH", "MEDIUM",
                LocalDate.now().plusDays(30), LocalDate.now().plusDays(60));
        try (McpSyncClient client = McpClients.connect(port, owner.bearer())) {
            McpSchema.Tool end = client.listTools().tools().stream().filter(t -> t.name().equals("end_campaign"))
                    .findFirst().orElseThrow();
            assertThat(end.annotations().destructiveHint()).isTrue();
            assertThat((Map<String, Object>) end.inputSchema().get("properties")).containsKey("confirmDestroy");

            CallToolResult refused = client.callTool(new CallToolRequest("move_campaign",
                    Map.of("id", campaign, "move", "LAUNCH", "dryRun", true)));
            assertThat(refused.isError()).as("a draft cannot launch").isTrue();
            assertThat(text(refused)).containsIgnoringCase("plan");

            Map<String, Object> planned = previewedThenDone(client, "move_campaign",
                    Map.of("id", campaign, "move", "PLAN"));
            assertThat((Map<String, Object>) planned.get("before")).containsEntry("status", "DRAFT");
            assertThat((Map<String, Object>) planned.get("after")).containsEntry("status", "PLANNING");
            assertThat(status(owner, campaign)).isEqualTo("PLANNING");

            Map<String, Object> arguments = Map.of("id", campaign, "ending", "CANCEL", "reason", "Budget moved");
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("end_campaign",
                    with(arguments, "dryRun", true))));
            assertThat((Map<String, Object>) preview.get("after")).containsEntry("status", "CANCELLED");
            assertThat(status(owner, campaign)).isEqualTo("PLANNING");

            CallToolResult withoutYes = client.callTool(new CallToolRequest("end_campaign",
                    with(arguments, "confirmation", preview.get("confirmation"))));
            assertThat(withoutYes.isError()).isTrue();
            assertThat(text(withoutYes)).contains("confirmDestroy: true");
            assertThat(status(owner, campaign)).isEqualTo("PLANNING");

            structured(client.callTool(new CallToolRequest("end_campaign",
                    with(arguments, "confirmation", preview.get("confirmation"), "confirmDestroy", true))));
            assertThat(status(owner, campaign)).isEqualTo("CANCELLED");

            CallToolResult badMove = client.callTool(new CallToolRequest("move_campaign",
                    Map.of("id", campaign, "move", "CANCEL", "dryRun", true)));
            assertThat(badMove.isError()).as("cancelling is end_campaign's, not a move").isTrue();
        }
    }
}
