package io.flightdeck.mcp;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.shared.security.Role;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Assets, creatives and render jobs through the official Java SDK's client: an assistant searches the library, reads
 * an asset and reuses it elsewhere after a dry run, reads a campaign's creatives, and queues a render job after a dry
 * run that queues nothing; a viewer sees only the reading tools, another workspace's ids are not found. A part is
 * regenerated, a stale creative refreshed and a creative in AI mode created through a job its confirmed call queues,
 * so their dry runs reach no generator.
 */
@FlightdeckTest
class McpContentToolsTests {

    private static final List<String> READING = List.of("search_assets", "get_asset", "list_creatives", "get_creative",
            "get_render_job");
    private static final List<String> WRITING = List.of("reuse_asset", "create_render_job");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;

    private McpSyncClient client(Member member) {
        return McpClients.connect(port, member.bearer());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        assertThat(result.isError()).as("%s", result.content()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String key, Object value) {
        Map<String, Object> more = new HashMap<>(arguments);
        more.put(key, value);
        return more;
    }

    private static String created(MvcTestResult result) {
        assertThat(result).as(Json.body(result)).hasStatus(201);
        return Json.read(result, "$.id");
    }

    private String asset(Member owner, String campaign) {
        return created(api.as(owner).post("/api/v1/campaign-assets", Map.of("campaignId", campaign,
                "name", "Autumn headline", "type", "HEADLINE", "headline", "Ride into autumn", "tags", List.of("autumn"))));
    }

    private String creative(Member owner, String campaign) {
        return created(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Autumn teaser","topic":"autumn","channels":["INSTAGRAM"],"mode":"MANUAL",
                 "texts":{"HEADLINE":"Autumn blend","CTA":"Order now"}}""".formatted(campaign)));
    }

    private int uses(Member owner, String asset) {
        return Json.<Integer>read(api.as(owner).get("/api/v1/campaign-assets/" + asset + "/uses"), "$.total");
    }

    private int renderJobs(Member owner, String creative) {
        return Json.<Integer>read(api.as(owner).get("/api/v1/render-jobs?creativeId=" + creative), "$.total");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantSearchesReusesReadsCreativesAndQueuesARenderAfterDryRuns() {
        Member owner = workspaces.workspace("MCP content");
        String autumn = campaigns.draft("Autumn").channels("INSTAGRAM").createdBy(owner);
        String winter = campaigns.create(owner, "Winter");
        String asset = asset(owner, autumn);
        String creative = creative(owner, autumn);

        try (McpSyncClient client = client(owner)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsAll(READING).containsAll(WRITING)
                    .doesNotContain("generate_creatives", "regenerate_creative");

            Map<String, Object> found = structured(client.callTool(new CallToolRequest("search_assets",
                    Map.of("q", "autumn", "type", List.of("HEADLINE"), "tag", List.of("autumn")))));
            assertThat(found).containsEntry("total", 1);
            assertThat((List<Map<String, Object>>) found.get("items")).singleElement()
                    .satisfies(hit -> assertThat(hit).containsEntry("id", asset).containsEntry("name", "Autumn headline"));
            assertThat(found).containsKey("facets");
            assertThat(structured(client.callTool(new CallToolRequest("search_assets",
                    Map.of("q", "spring")))).get("total")).isEqualTo(0);

            assertThat(structured(client.callTool(new CallToolRequest("get_asset", Map.of("id", asset)))))
                    .containsEntry("id", asset).containsEntry("type", "HEADLINE");

            Map<String, Object> reuse = Map.of("assetId", asset, "campaignId", winter, "context", "Winter landing page");
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("reuse_asset",
                    with(reuse, "dryRun", true))));
            assertThat((Map<String, Object>) preview.get("after")).containsEntry("campaignId", winter)
                    .containsEntry("assetId", asset);
            assertThat(uses(owner, asset)).as("a dry run reuses nothing").isEqualTo(1);
            assertThat(structured(client.callTool(new CallToolRequest("search_assets",
                    Map.of("campaignId", winter)))).get("total")).as("nor indexes it").isEqualTo(0);
            structured(client.callTool(new CallToolRequest("reuse_asset",
                    with(reuse, "confirmation", preview.get("confirmation")))));
            assertThat(uses(owner, asset)).isEqualTo(2);
            assertThat(structured(client.callTool(new CallToolRequest("search_assets",
                    Map.of("campaignId", winter)))).get("total")).as("indexed with the commit").isEqualTo(1);

            Map<String, Object> listed = structured(client.callTool(new CallToolRequest("list_creatives",
                    Map.of("campaignId", autumn))));
            assertThat((List<Map<String, Object>>) listed.get("items")).singleElement()
                    .satisfies(c -> assertThat(c).containsEntry("id", creative).containsEntry("title", "Autumn teaser"));
            assertThat(structured(client.callTool(new CallToolRequest("get_creative", Map.of("id", creative)))))
                    .containsEntry("id", creative).containsEntry("campaignId", autumn);

            // not sent, so nothing renders while the test runs; the job is what the REST API would have queued
            Map<String, Object> render = Map.of("creativeId", creative, "type", "IMAGE", "submit", false,
                    "params", Map.of("sizes", List.of("1080x1080")));
            Map<String, Object> renderPreview = structured(client.callTool(new CallToolRequest("create_render_job",
                    with(render, "dryRun", true))));
            assertThat((Map<String, Object>) renderPreview.get("after")).containsEntry("creativeId", creative)
                    .containsEntry("type", "IMAGE").containsEntry("campaignId", autumn);
            assertThat(renderJobs(owner, creative)).as("a dry run queues nothing").isZero();
            Map<String, Object> queued = structured(client.callTool(new CallToolRequest("create_render_job",
                    with(render, "confirmation", renderPreview.get("confirmation")))));
            assertThat(renderJobs(owner, creative)).isEqualTo(1);
            String job = Json.read(api.as(owner).get("/api/v1/render-jobs?creativeId=" + creative), "$.items[0].id");
            assertThat(queued.toString()).contains(job);

            assertThat(structured(client.callTool(new CallToolRequest("get_render_job", Map.of("id", job)))))
                    .containsEntry("id", job).containsEntry("status", "QUEUED").containsEntry("provider", "builtin-image");

            CallToolResult badSort = client.callTool(new CallToolRequest("search_assets", Map.of("sort", "loudest")));
            assertThat(badSort.isError()).isTrue();
            assertThat(badSort.content().toString()).contains("sort");
            CallToolResult noType = client.callTool(new CallToolRequest("create_render_job",
                    Map.of("creativeId", creative, "dryRun", true)));
            assertThat(noType.isError()).isTrue();
        }

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        try (McpSyncClient client = client(viewer)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsAll(READING).doesNotContainAnyElementsOf(WRITING);
            assertThat(structured(client.callTool(new CallToolRequest("get_creative", Map.of("id", creative)))))
                    .containsEntry("id", creative);
        }

        Member stranger = workspaces.workspace("MCP content elsewhere");
        String job = Json.read(api.as(owner).get("/api/v1/render-jobs?creativeId=" + creative), "$.items[0].id");
        try (McpSyncClient client = client(stranger)) {
            for (var call : List.of(new CallToolRequest("get_asset", Map.of("id", asset)),
                    new CallToolRequest("get_creative", Map.of("id", creative)),
                    new CallToolRequest("get_render_job", Map.of("id", job)),
                    new CallToolRequest("reuse_asset", Map.of("assetId", asset, "campaignId", winter, "dryRun", true)),
                    new CallToolRequest("create_render_job", Map.of("creativeId", creative, "type", "IMAGE",
                            "dryRun", true)))) {
                CallToolResult result = client.callTool(call);
                assertThat(result.isError()).as(call.name()).isTrue();
                assertThat(result.content().toString()).as(call.name()).containsIgnoringCase("not found");
            }
            assertThat(structured(client.callTool(new CallToolRequest("search_assets", Map.of("q", "autumn")))))
                    .containsEntry("total", 0);
        }
        assertThat(uses(owner, asset)).isEqualTo(2);
        assertThat(renderJobs(owner, creative)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantRegeneratesAPartThroughAJobAfterADryRunThatReachesNoGenerator() {
        Member owner = workspaces.workspace("MCP regeneration");
        String campaign = campaigns.draft("Harvest").channels("INSTAGRAM").createdBy(owner);
        String creative = created(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Harvest teaser","topic":"harvest","channels":["INSTAGRAM"],"mode":"AI",
                 "provider":"built-in","texts":{"HEADLINE":"Harvest blend"}}""".formatted(campaign)));
        String versions = "/api/v1/content/creatives/" + creative + "/components/caption/versions";
        assertThat(Json.<List<Object>>read(api.as(owner).get(versions), "$")).hasSize(1);

        try (McpSyncClient client = client(owner)) {
            Map<String, Object> ask = Map.of("creativeId", creative, "part", "CAPTION", "provider", "built-in");
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("regenerate_creative_part",
                    with(ask, "dryRun", true))));
            assertThat((Map<String, Object>) preview.get("after")).containsEntry("state", "QUEUED")
                    .containsEntry("part", "CAPTION").containsEntry("creativeId", creative);
            assertThat(regenerations(creative)).as("a dry run queues nothing").isZero();
            assertThat(Json.<List<Object>>read(api.as(owner).get(versions), "$")).as("nor writes").hasSize(1);

            Map<String, Object> queued = structured(client.callTool(new CallToolRequest("regenerate_creative_part",
                    with(ask, "confirmation", preview.get("confirmation")))));
            String id = (String) ((Map<String, Object>) queued.get("after")).get("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(structured(client.callTool(
                    new CallToolRequest("get_creative_regeneration", Map.of("id", id)))).get("state")));
            assertThat(structured(client.callTool(new CallToolRequest("get_creative_regeneration", Map.of("id", id)))))
                    .containsEntry("versionNumber", 2).containsEntry("replaced", true).containsEntry("attempts", 1);
            assertThat(Json.<List<Integer>>read(api.as(owner).get(versions), "$[*].number")).containsExactly(2, 1);
            assertThat(Json.<String>read(api.as(owner).get(versions), "$[0].provider")).isEqualTo("built-in");
            assertThat(regenerations(creative)).isEqualTo(1);

            // a person's headline stays: the new version waits in its history
            Map<String, Object> headline = Map.of("creativeId", creative, "part", "HEADLINE");
            Map<String, Object> second = structured(client.callTool(new CallToolRequest("regenerate_creative_part",
                    with(headline, "confirmation", structured(client.callTool(new CallToolRequest(
                            "regenerate_creative_part", with(headline, "dryRun", true)))).get("confirmation")))));
            String secondId = (String) ((Map<String, Object>) second.get("after")).get("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(structured(client.callTool(
                    new CallToolRequest("get_creative_regeneration", Map.of("id", secondId)))).get("state")));
            assertThat(structured(client.callTool(new CallToolRequest("get_creative_regeneration",
                    Map.of("id", secondId))))).containsEntry("replaced", false);
            assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/content/creatives/" + creative),
                    "$.components[?(@.kind == 'HEADLINE')].text")).containsExactly("Harvest blend");

            assertThat(api.as(owner).post("/api/v1/content/creatives/" + creative + "/components/caption/lock"))
                    .hasStatusOk();
            CallToolResult locked = client.callTool(new CallToolRequest("regenerate_creative_part",
                    with(ask, "dryRun", true)));
            assertThat(locked.isError()).isTrue();
            assertThat(locked.content().toString()).contains("locked");
            CallToolResult image = client.callTool(new CallToolRequest("regenerate_creative_part",
                    Map.of("creativeId", creative, "part", "IMAGE", "dryRun", true)));
            assertThat(image.isError()).isTrue();
            assertThat(image.content().toString()).contains("only text parts");
        }

        try (McpSyncClient client = client(workspaces.addMember(owner, Role.VIEWER))) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("get_creative_regeneration").doesNotContain("regenerate_creative_part");
        }
        try (McpSyncClient client = client(workspaces.workspace("MCP regeneration elsewhere"))) {
            CallToolResult foreign = client.callTool(new CallToolRequest("regenerate_creative_part",
                    Map.of("creativeId", creative, "part", "CAPTION", "dryRun", true)));
            assertThat(foreign.isError()).isTrue();
            assertThat(foreign.content().toString()).containsIgnoringCase("not found");
        }
        assertThat(regenerations(creative)).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantCreatesACreativeWhoseEmptyPartsAJobWritesAfterADryRunThatMakesNothing() {
        Member owner = workspaces.workspace("MCP generated creative");
        String campaign = campaigns.draft("Frost").channels("INSTAGRAM").createdBy(owner);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Map<String, Object> ask = Map.of("campaignId", campaign, "title", "Frost teaser", "topic", "first frost",
                "mode", "AI", "provider", "built-in", "texts", Map.of("HEADLINE", "First frost"));
        try (McpSyncClient client = client(contributor)) {
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("create_creative",
                    with(ask, "dryRun", true))));
            Map<String, Object> after = (Map<String, Object>) preview.get("after");
            assertThat((Map<String, Object>) after.get("generation")).containsEntry("scope", "EMPTY_PARTS")
                    .containsEntry("state", "QUEUED");
            assertThat(creatives(owner, campaign)).as("a dry run makes no creative").isZero();
            assertThat(jdbc.sql("select count(*) from creative_part_regenerations r join creatives c on "
                    + "c.id = r.creative_id where c.campaign_id = ?").param(java.util.UUID.fromString(campaign))
                    .query(Long.class).single()).as("nor queues a generation").isZero();

            Map<String, Object> made = (Map<String, Object>) structured(client.callTool(new CallToolRequest(
                    "create_creative", with(ask, "confirmation", preview.get("confirmation"))))).get("after");
            String creative = (String) ((Map<String, Object>) made.get("creative")).get("id");
            String id = (String) ((Map<String, Object>) made.get("generation")).get("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(structured(client.callTool(
                    new CallToolRequest("get_creative_regeneration", Map.of("id", id)))).get("state")));
            Map<String, Object> done = structured(client.callTool(new CallToolRequest("get_creative_regeneration",
                    Map.of("id", id))));
            assertThat(done).containsEntry("creativeId", creative).containsEntry("attempts", 1);
            assertThat(done.get("versionNumber")).isNull();
            MvcTestResult read = api.as(owner).get("/api/v1/content/creatives/" + creative);
            assertThat(Json.<List<String>>read(read, "$.components[?(@.kind == 'HEADLINE')].text"))
                    .containsExactly("First frost");
            for (String kind : List.of("CAPTION", "HASHTAGS", "CTA")) {
                assertThat(Json.<List<String>>read(read, "$.components[?(@.kind == '" + kind + "')].origin"))
                        .as(kind).containsExactly("GENERATED");
                assertThat(Json.<List<String>>read(read, "$.components[?(@.kind == '" + kind + "')].text"))
                        .as(kind).allSatisfy(text -> assertThat(text).isNotBlank());
            }
            assertThat(Json.<String>read(read, "$.mode")).isEqualTo("HYBRID");
            assertThat(creatives(owner, campaign)).isEqualTo(1);

            // MANUAL keeps only the texts given: nothing to generate, nothing queued
            Map<String, Object> manual = (Map<String, Object>) structured(client.callTool(new CallToolRequest(
                    "create_creative", with(with(ask, "mode", "MANUAL"), "confirmation", structured(client.callTool(
                            new CallToolRequest("create_creative", with(with(ask, "mode", "MANUAL"), "dryRun",
                                    true)))).get("confirmation"))))).get("after");
            assertThat(manual.get("generation")).isNull();

            CallToolResult blank = client.callTool(new CallToolRequest("create_creative",
                    with(with(ask, "title", " "), "dryRun", true)));
            assertThat(blank.isError()).isTrue();
            assertThat(blank.content().toString()).contains("title");
            CallToolResult nullChannel = client.callTool(new CallToolRequest("create_creative",
                    with(with(ask, "channels", java.util.Arrays.asList("INSTAGRAM", null)), "dryRun", true)));
            assertThat(nullChannel.isError()).isTrue();
        }
        assertThat(creatives(owner, campaign)).isEqualTo(2);
        try (McpSyncClient client = client(workspaces.addMember(owner, Role.VIEWER))) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .doesNotContain("create_creative", "refresh_creative");
        }
        try (McpSyncClient client = client(workspaces.workspace("MCP generated creative elsewhere"))) {
            CallToolResult foreign = client.callTool(new CallToolRequest("create_creative", with(ask, "dryRun", true)));
            assertThat(foreign.isError()).isTrue();
            assertThat(foreign.content().toString()).containsIgnoringCase("not found");
        }
        assertThat(creatives(owner, campaign)).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantRefreshesAStaleCreativeThroughAJobAfterADryRunThatReachesNoGenerator() {
        Member owner = workspaces.workspace("MCP refresh");
        String campaign = campaigns.draft("Thaw").channels("INSTAGRAM").createdBy(owner);
        String strategies = "/api/v1/campaigns/" + campaign + "/strategies";
        String strategy = """
                {"platforms":["INSTAGRAM"],"goals":["Build awareness"],"targetAudience":"%s",
                 "contentPillars":["Origins"],"brandTone":"warm"}""";
        assertThat(api.as(owner).post(strategies, strategy.formatted("Students"))).hasStatus(201);
        String creative = created(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Thaw teaser","topic":"thaw","channels":["INSTAGRAM"],"mode":"AI",
                 "provider":"built-in","texts":{"CTA":"Come early"}}""".formatted(campaign)));
        String path = "/api/v1/content/creatives/" + creative;
        try (McpSyncClient client = client(owner)) {
            CallToolResult current = client.callTool(new CallToolRequest("refresh_creative",
                    Map.of("creativeId", creative, "dryRun", true)));
            assertThat(current.isError()).isTrue();
            assertThat(current.content().toString()).contains("already follows the current strategy");

            assertThat(api.as(owner).post(strategies, strategy.formatted("Commuters"))).hasStatus(201);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Json.read(api.as(owner).get(path), "$.staleAgainstVersion") != null);
            Map<String, Object> ask = Map.of("creativeId", creative, "provider", "built-in");
            Map<String, Object> preview = structured(client.callTool(new CallToolRequest("refresh_creative",
                    with(ask, "dryRun", true))));
            assertThat((Map<String, Object>) preview.get("after")).containsEntry("scope", "STALE_PARTS")
                    .containsEntry("state", "QUEUED");
            assertThat(regenerations(creative)).as("a dry run queues nothing").isZero();
            assertThat(Json.<Integer>read(api.as(owner).get(path), "$.strategyVersion")).isEqualTo(1);

            String id = (String) ((Map<String, Object>) structured(client.callTool(new CallToolRequest(
                    "refresh_creative", with(ask, "confirmation", preview.get("confirmation"))))).get("after"))
                    .get("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(structured(client.callTool(
                    new CallToolRequest("get_creative_regeneration", Map.of("id", id)))).get("state")));
            MvcTestResult refreshed = api.as(owner).get(path);
            assertThat(Json.<Integer>read(refreshed, "$.strategyVersion")).isEqualTo(2);
            assertThat((Object) Json.read(refreshed, "$.staleAgainstVersion")).isNull();
            assertThat(Json.<List<Integer>>read(refreshed, "$.components[?(@.kind == 'CAPTION')].versionCount"))
                    .containsExactly(2);
            assertThat(Json.<List<String>>read(refreshed, "$.components[?(@.kind == 'CTA')].text"))
                    .as("a person's text stays").containsExactly("Come early");
        }
        try (McpSyncClient client = client(workspaces.workspace("MCP refresh elsewhere"))) {
            CallToolResult foreign = client.callTool(new CallToolRequest("refresh_creative",
                    Map.of("creativeId", creative, "dryRun", true)));
            assertThat(foreign.isError()).isTrue();
            assertThat(foreign.content().toString()).containsIgnoringCase("not found");
        }
        assertThat(regenerations(creative)).isEqualTo(1);
    }

    private int creatives(Member owner, String campaign) {
        return Json.<Integer>read(api.as(owner).get("/api/v1/content/creatives?campaignId=" + campaign), "$.total");
    }

    private long regenerations(String creative) {
        return jdbc.sql("select count(*) from creative_part_regenerations where creative_id = ?")
                .param(java.util.UUID.fromString(creative)).query(Long.class).single();
    }
}
