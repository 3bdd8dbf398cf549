package io.flightdeck.mcp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social posts and email campaigns through the official Java SDK's client: an assistant reads them, schedules a post
 * that then waits in the post review like any other (nothing it calls approves), moves and cancels it, and schedules
 * an email that was sent for approval; every change is previewed by a dry run that changes nothing, cancelling needs
 * the person's explicit yes, a viewer sees only the reading tools, and another workspace's ids are not found.
 */
@FlightdeckTest
class McpPublishingToolsTests {

    private static final List<String> READS = List.of("list_channel_accounts", "list_posts", "list_post_calendar",
            "get_post", "list_email_campaigns", "get_email_campaign", "get_email_readiness");
    private static final List<String> WRITES = List.of("schedule_post", "reschedule_post", "cancel_post",
            "schedule_email_campaign");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;

    private McpSyncClient client(Member member) {
        return McpClients.connect(port, member.bearer());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        assertThat(result.isError()).as("%s", result.content()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    private static String refused(McpSyncClient client, String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        assertThat(result.isError()).isTrue();
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String key, Object value) {
        Map<String, Object> more = new HashMap<>(arguments);
        more.put(key, value);
        return more;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> outcome, String which) {
        return (Map<String, Object>) outcome.get(which);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyChannel(Map<String, Object> post) {
        List<Map<String, Object>> channels = (List<Map<String, Object>>) post.get("channels");
        assertThat(channels).hasSize(1);
        return channels.get(0);
    }

    /** The jobs of this object: a dry run must leave none behind, since its rows are rolled back. */
    private long jobs(Object id) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(id.toString())
                .query(Long.class).single();
    }

    private static Instant instant(Object text) {
        return Instant.parse((String) text);
    }
    private String account(Member owner, String name, String channel) {
        MvcTestResult created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"%s","channel":"%s","timeZone":"UTC","settings":{"mode":"NORMAL"}}"""
                .formatted(name, channel));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    /** The state of a thing's item in its campaign's review, as people see it. */
    private String reviewState(ApprovalRequests requests, Member owner, String campaign, String itemId) {
        List<String> ids = Json.read(api.as(owner).get(ApprovalRequests.CAMPAIGNS + "/" + campaign
                + "/approval-items?size=100"), "$.items[?(@.itemId=='" + itemId + "')].id");
        assertThat(ids).as("the review item of " + itemId).hasSize(1);
        return requests.state(owner, ids.get(0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantSchedulesAPostThatWaitsForReviewThenMovesAndCancelsItAfterDryRuns() {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("MCP posts");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        for (String scope : List.of("strategy", "ads")) {
            assertThat(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")).hasStatusOk();
        }
        String campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        requests.initialized(owner, campaign);
        String x = account(owner, "X (sandbox)", "TWITTER");
        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String queue = "/api/v1/social/queue/" + campaign;

        String postId;
        String channelPostId;
        try (McpSyncClient client = client(contributor)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsAll(READS)
                    .containsAll(WRITES).noneMatch(name -> name.contains("approve") || name.contains("publish"));

            assertThat((List<Map<String, Object>>) ok(client, "list_channel_accounts", Map.of()).get("accounts"))
                    .singleElement().satisfies(a -> assertThat(a).containsEntry("id", x)
                    .containsEntry("channel", "TWITTER").containsEntry("displayName", "X (sandbox)"));

            Map<String, Object> arguments = Map.of("campaignId", campaign, "accountId", x,
                    "text", "Spring roast is back", "title", "Spring roast", "at", at.toString());
            assertThat(refused(client, "schedule_post", arguments)).contains("dryRun: true");
            Map<String, Object> preview = ok(client, "schedule_post", with(arguments, "dryRun", true));
            assertThat(part(preview, "after")).containsEntry("title", "Spring roast")
                    .containsEntry("campaignId", campaign);
            assertThat(onlyChannel(part(preview, "after"))).containsEntry("accountId", x)
                    .containsEntry("text", "Spring roast is back");
            assertThat((Integer) Json.read(api.as(owner).get(queue), "$.total")).as("no post").isZero();
            assertThat(jobs(onlyChannel(part(preview, "after")).get("id"))).isZero();

            Map<String, Object> done = ok(client, "schedule_post",
                    with(arguments, "confirmation", preview.get("confirmation")));
            postId = (String) part(done, "after").get("id");
            channelPostId = (String) onlyChannel(part(done, "after")).get("id");
            assertThat((Integer) Json.read(api.as(owner).get(queue), "$.total")).isEqualTo(1);
            assertThat(jobs(channelPostId)).as("its publish job runs after commit").isEqualTo(1);
            // the post went into review like any other: the assistant approved nothing
            assertThat(reviewState(requests, owner, campaign, postId)).isEqualTo("PENDING");
            assertThat(reviewState(requests, owner, campaign, (String) part(done, "after").get("creativeId")))
                    .isEqualTo("PENDING");

            Map<String, Object> page = ok(client, "list_posts", Map.of("campaignId", campaign, "size", 5));
            assertThat(page.get("total")).isEqualTo(1);
            assertThat((List<Map<String, Object>>) page.get("items")).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("id", postId).containsEntry("status", "SCHEDULED"));
            Map<String, Object> post = ok(client, "get_post", Map.of("postId", postId));
            assertThat(post).containsEntry("id", postId).containsEntry("title", "Spring roast");
            assertThat((List<Map<String, Object>>) ok(client, "list_post_calendar", Map.of("from",
                    Instant.now().toString(), "to", at.plus(3, ChronoUnit.DAYS).toString())).get("channelPosts"))
                    .singleElement().satisfies(c -> assertThat(c).containsEntry("id", channelPostId)
                    .containsEntry("postId", postId));
            assertThat(refused(client, "list_post_calendar", Map.of("from", at.toString(), "to",
                    Instant.now().toString()))).contains("Correct the arguments");

            // moved a day later: previewed before and after, then done
            Instant later = at.plus(1, ChronoUnit.DAYS);
            String channelPost = "/api/v1/social/channel-posts/" + channelPostId;
            Map<String, Object> move = Map.of("channelPostId", channelPostId, "at", later.toString());
            Map<String, Object> moving = ok(client, "reschedule_post", with(move, "dryRun", true));
            assertThat(instant(part(moving, "before").get("scheduledAt"))).isEqualTo(at);
            assertThat(instant(part(moving, "after").get("scheduledAt"))).isEqualTo(later);
            assertThat((List<Map<String, Object>>) moving.get("changes"))
                    .anySatisfy(change -> assertThat(change).containsEntry("field", "scheduledAt"));
            assertThat(instant(Json.read(api.as(owner).get(channelPost), "$.scheduledAt"))).isEqualTo(at);
            ok(client, "reschedule_post", with(move, "confirmation", moving.get("confirmation")));
            assertThat(instant(Json.read(api.as(owner).get(channelPost), "$.scheduledAt"))).isEqualTo(later);

            // cancelling ends it for good: the confirmed call needs the person's yes as well
            String social = "/api/v1/social/posts/" + postId;
            Map<String, Object> cancelling = ok(client, "cancel_post", Map.of("postId", postId, "dryRun", true));
            assertThat(part(cancelling, "before")).containsEntry("status", "SCHEDULED");
            assertThat(part(cancelling, "after")).containsEntry("status", "CANCELLED");
            assertThat((String) Json.read(api.as(owner).get(social), "$.status")).isEqualTo("SCHEDULED");
            assertThat(refused(client, "cancel_post", Map.of("postId", postId,
                    "confirmation", cancelling.get("confirmation")))).contains("confirmDestroy: true");
            assertThat((String) Json.read(api.as(owner).get(social), "$.status")).isEqualTo("SCHEDULED");
            ok(client, "cancel_post", Map.of("postId", postId,
                    "confirmation", cancelling.get("confirmation"), "confirmDestroy", true));
            assertThat((String) Json.read(api.as(owner).get(social), "$.status")).isEqualTo("CANCELLED");

            assertThat(refused(client, "schedule_post", Map.of("campaignId", campaign,
                    "text", "No account", "dryRun", true))).contains("accountId");
        }

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        try (McpSyncClient client = client(viewer)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsAll(READS).doesNotContainAnyElementsOf(WRITES);
            assertThat(ok(client, "get_post", Map.of("postId", postId))).containsEntry("status", "CANCELLED");
        }
        Member stranger = workspaces.workspace("MCP posts elsewhere");
        try (McpSyncClient client = client(stranger)) {
            assertThat(refused(client, "get_post", Map.of("postId", postId))).contains("in this workspace");
            assertThat(refused(client, "list_posts", Map.of("campaignId", campaign))).contains("in this workspace");
            assertThat(refused(client, "reschedule_post", Map.of("channelPostId",
                    channelPostId, "dryRun", true))).contains("in this workspace");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssistantReadsEmailsAndSchedulesOneSentForApprovalAfterADryRun() {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("MCP email");
        for (String scope : List.of("strategy", "ads", "schedule")) {
            assertThat(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}")).hasStatusOk();
        }
        String campaign = requests.campaign(owner, "Spring mail");
        requests.makeReady(owner, campaign);
        requests.initialized(owner, campaign);
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Roastery", "fromAddress",
                "news@roastery.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        String contact = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", TestWorkspaces
                .uniqueEmail("ana"), "name", "Ana Lima", "consent", Map.of("source", "FORM", "evidence",
                "Signed up on the form"))), "$.id");
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Regulars")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds",
                List.of(contact)))).hasStatusOk();
        String reviewed = email(owner, campaign, list, "Spring news");
        String unreviewed = email(owner, campaign, list, "Late addition");
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + reviewed + "/request-approval")).hasStatusOk();
        String path = "/api/v1/email/campaigns/" + reviewed;
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

        try (McpSyncClient client = client(owner)) {
            Map<String, Object> page = ok(client, "list_email_campaigns", Map.of("campaignId", campaign));
            assertThat(page.get("total")).isEqualTo(2);
            assertThat((List<Map<String, Object>>) page.get("items")).extracting(e -> e.get("id"))
                    .containsExactlyInAnyOrder(reviewed, unreviewed);
            Map<String, Object> email = ok(client, "get_email_campaign", Map.of("id", reviewed));
            assertThat(email).containsEntry("id", reviewed).containsEntry("name", "Spring news")
                    .containsEntry("status", "DRAFT").containsKey("progress");
            Map<String, Object> readiness = ok(client, "get_email_readiness", Map.of("id", reviewed));
            assertThat(readiness).containsEntry("emailId", reviewed).containsEntry("ready", false);
            assertThat((List<?>) readiness.get("items")).isNotEmpty();

            // never sent for approval: the service refuses to schedule it, and so does the tool
            assertThat(refused(client, "schedule_email_campaign", Map.of("id", unreviewed,
                    "at", at.toString(), "dryRun", true))).contains("cannot be scheduled");

            Map<String, Object> arguments = Map.of("id", reviewed, "at", at.toString());
            Map<String, Object> preview = ok(client, "schedule_email_campaign", with(arguments, "dryRun", true));
            assertThat(part(preview, "before")).containsEntry("status", "DRAFT");
            assertThat(part(preview, "after")).containsEntry("status", "SCHEDULED");
            assertThat(instant(part(preview, "after").get("scheduledAt"))).isEqualTo(at);
            assertThat((String) Json.read(api.as(owner).get(path), "$.status")).as("a dry run schedules nothing")
                    .isEqualTo("DRAFT");
            assertThat(jobs(reviewed)).isZero();
            ok(client, "schedule_email_campaign", with(arguments, "confirmation", preview.get("confirmation")));
            assertThat((String) Json.read(api.as(owner).get(path), "$.status")).isEqualTo("SCHEDULED");
            assertThat(instant(Json.read(api.as(owner).get(path), "$.scheduledAt"))).isEqualTo(at);
            assertThat(jobs(reviewed)).as("the send's job sends it after commit, once approved").isEqualTo(1);

            assertThat(refused(client, "schedule_email_campaign", Map.of("id", reviewed,
                    "at", at.toString(), "recipientZone", true, "zone", "Mars/Olympus", "dryRun", true)))
                    .contains("Correct the arguments").contains("zone");
            assertThat(refused(client, "schedule_email_campaign", Map.of("id", reviewed,
                    "dryRun", true))).contains("'at'");
        }
        try (McpSyncClient client = client(workspaces.workspace("MCP email elsewhere"))) {
            assertThat(refused(client, "get_email_campaign", Map.of("id", reviewed))).contains("in this workspace");
            assertThat(refused(client, "schedule_email_campaign", Map.of("id", reviewed,
                    "at", at.toString(), "dryRun", true))).contains("in this workspace");
        }
    }

    private String email(Member owner, String campaign, String list, String name) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", name, "subject", "News for {{first_name | \"you\"}}",
                "html", "<p>Hello {{first_name | \"there\"}}, the spring roast is here.</p>",
                "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        // the readiness asks for a test of the current content; the API sends it (the tools do not)
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + Json.read(made, "$.id") + "/test-send",
                Map.of("to", owner.email()))).hasStatus(201);
        return Json.read(made, "$.id");
    }
}
