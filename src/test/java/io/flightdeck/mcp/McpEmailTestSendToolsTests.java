package io.flightdeck.mcp;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email's test send through the official Java SDK's client, in the shared context (its mail lands in the outbox the
 * API reads): the confirmed call queues the test with its job, which sends it after commit, so the dry run sends no
 * mail and writes no row or job; a test whose email changed before its job ran is refused and nothing is sent; a bad
 * recipient is refused with nothing written; a viewer sees only the reading tool; another workspace's email is not
 * found.
 */
@FlightdeckTest
class McpEmailTestSendToolsTests {

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
    @Autowired
    MutableClock clock;

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
    private static Map<String, Object> after(Map<String, Object> outcome) {
        return (Map<String, Object>) outcome.get("after");
    }

    /** A dry run, then the confirmed call: answers the queued test. */
    private static Map<String, Object> queued(McpSyncClient client, Map<String, Object> arguments) {
        Map<String, Object> preview = ok(client, "send_test_email", with(arguments, "dryRun", true));
        return after(ok(client, "send_test_email", with(arguments, "confirmation", preview.get("confirmation"))));
    }

    private String email(Member owner) {
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId",
                campaigns.create(owner, "Test sends"), "name", "Harvest news", "subject", "Harvest for {{first_name | "
                        + "\"you\"}}", "html", "<p>Hello {{first_name | \"there\"}}, the harvest roast is here.</p>"));
        assertThat(made).as(Json.body(made)).hasStatus(201);
        return Json.read(made, "$.id");
    }

    /** The test sends of this email in the ledger. */
    private long testSends(String email) {
        return jdbc.sql("select count(*) from email_test_sends where subject_id = ?").param(UUID.fromString(email))
                .query(Long.class).single();
    }

    private long jobs(Object id) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(id.toString())
                .query(Long.class).single();
    }

    /** The subjects of the outbox's mail to this address (the outbox is the test transport; sample data fills it). */
    private List<String> mailTo(Member admin, String address) {
        return Json.read(api.as(admin).get("/api/v1/mail-outbox?size=100"),
                "$.items[?(@.to == '" + address + "')].subject");
    }

    private static String state(McpSyncClient client, Object id) {
        return (String) ok(client, "get_test_email", Map.of("id", id)).get("state");
    }

    @Test
    void anAssistantQueuesATestThatItsJobSendsAfterADryRunThatSendsNothing() {
        Member owner = workspaces.workspace("MCP test sends");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String email = email(owner);
        Map<String, Object> arguments = Map.of("id", email, "to", contributor.email());

        try (McpSyncClient client = client(contributor)) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("send_test_email", "get_test_email");
            assertThat(refused(client, "send_test_email", arguments)).contains("dryRun: true");

            Map<String, Object> preview = ok(client, "send_test_email", with(arguments, "dryRun", true));
            assertThat(after(preview)).containsEntry("state", "WAITING").containsEntry("to", contributor.email())
                    .containsEntry("subjectId", email);
            assertThat(testSends(email)).as("a dry run writes no row").isZero();
            assertThat(jobs(after(preview).get("id"))).as("nor a job").isZero();
            assertThat(mailTo(owner, contributor.email())).as("and sends nothing").isEmpty();

            Map<String, Object> queued = after(ok(client, "send_test_email",
                    with(arguments, "confirmation", preview.get("confirmation"))));
            String id = (String) queued.get("id");
            assertThat(queued).containsEntry("state", "WAITING");
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(state(client, id)));
            Map<String, Object> sentTest = ok(client, "get_test_email", Map.of("id", id));
            assertThat(sentTest.get("sentAt")).isNotNull();
            assertThat(sentTest.get("error")).isNull();
            assertThat(mailTo(owner, contributor.email())).containsExactly("[Test] Harvest for Alex");
            assertThat((String) Json.read(api.as(owner).get("/api/v1/mail-outbox/test-" + id), "$.text"))
                    .contains("the harvest roast is here");
            assertThat(testSends(email)).isEqualTo(1);

            // only the caller's own address or a contact's: refused before anything is written
            assertThat(refused(client, "send_test_email", Map.of("id", email, "to", "someone@else.example",
                    "dryRun", true))).contains("own address or to a contact");
            assertThat(refused(client, "send_test_email", Map.of("id", email, "to", "not an address",
                    "dryRun", true))).contains("to");
            assertThat(testSends(email)).isEqualTo(1);
        }

        String sent = jdbc.sql("select cast(id as varchar(36)) from email_test_sends where subject_id = ?")
                .param(UUID.fromString(email)).query(String.class).single();
        try (McpSyncClient client = client(workspaces.addMember(owner, Role.VIEWER))) {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("get_test_email").doesNotContain("send_test_email");
            assertThat(state(client, sent)).isEqualTo("SENT");
        }
        Member stranger = workspaces.workspace("MCP test sends elsewhere");
        try (McpSyncClient client = client(stranger)) {
            assertThat(refused(client, "send_test_email", Map.of("id", email, "to", stranger.email(),
                    "dryRun", true))).containsIgnoringCase("not found");
            assertThat(refused(client, "get_test_email", Map.of("id", sent))).containsIgnoringCase("not found");
        }
        assertThat(testSends(email)).isEqualTo(1);
    }

    @Test
    void aTestOfContentThatChangedBeforeItsJobRanFailsAndSendsNothing() {
        Member owner = workspaces.workspace("MCP stale test sends");
        String email = email(owner);
        String id;
        try (McpSyncClient client = client(owner)) {
            // queued ten minutes ahead, so its job waits while the email changes
            try {
                clock.advance(Duration.ofMinutes(10));
                id = (String) queued(client, Map.of("id", email, "to", owner.email())).get("id");
            } finally {
                clock.reset();
            }
            assertThat(state(client, id)).isEqualTo("WAITING");
            assertThat(jobs(id)).isEqualTo(1);

            assertThat(api.as(owner).patch("/api/v1/email/campaigns/" + email, Map.of("subject", "Changed")))
                    .hasStatusOk();
            jdbc.sql("update scheduled_tasks set execution_time = ? where task_instance = ?")
                    .params(Timestamp.from(Instant.now()), id).update();
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(state(client, id)));
            assertThat((String) ok(client, "get_test_email", Map.of("id", id)).get("error"))
                    .contains("changed after the test was asked for");
            assertThat(ok(client, "get_test_email", Map.of("id", id)).get("sentAt")).isNull();
        }
        assertThat(mailTo(owner, owner.email())).as("nothing was sent").isEmpty();
    }
}
