package io.flightdeck.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components' health and the monitored metrics for admins, through the API and the system status page: the
 * platform as Actuator checks it (the same words at {@code /actuator/health}), the workspace's own accounts, and a
 * job queue whose due work nobody takes called stalled.
 */
@FlightdeckTest
class SystemHealthTests {

    private static final String HEALTH = "/api/v1/monitoring/health";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebSessions web;

    @Test
    void anAdminSeesEveryPlatformComponentAndTheWorkspacesOwnAccounts() {
        Member owner = workspaces.workspace("Health");
        Member stranger = workspaces.workspace("Health elsewhere");
        MvcTestResult account = api.as(owner).post("/api/v1/channels/sandbox", """
                {"channel":"LINKEDIN","displayName":"Acme on LinkedIn"}""");
        assertThat(account).hasStatus(201);
        String accountId = Json.read(account, "$.id");
        jdbc.sql("update channel_accounts set health = 'BROKEN', health_reason = 'The network refused the token'"
                + " where id = ?").param(UUID.fromString(accountId)).update();

        MvcTestResult health = api.as(owner).get(HEALTH + "?fresh=true");
        assertThat(health).hasStatusOk();
        assertThat(Json.<List<String>>read(health, "$.components[?(@.kind == 'Platform')].key")).containsExactly(
                "db", "diskSpace", "blobStore", "search", "mail", "jobs", "eventPublications");
        assertThat(Json.<List<String>>read(health, "$.components[?(@.key == 'mail')].state")).containsExactly("UP");
        assertThat(Json.<List<String>>read(health, "$.components[?(@.key == 'mail')].detail").get(0))
                .startsWith("Outbox ");
        assertThat(Json.<List<String>>read(health, "$.components[?(@.key == 'channel-account:" + accountId + "')].state"))
                .containsExactly("DOWN");
        assertThat(Json.<List<String>>read(health, "$.components[?(@.key == 'channel-account:" + accountId + "')].detail"))
                .containsExactly("The network refused the token");
        assertThat((String) Json.read(health, "$.state")).isEqualTo("DOWN");

        MvcTestResult status = api.as(owner).get("/api/v1/monitoring/status");
        assertThat(Json.<List<String>>read(status, "$.troubled[*].key")).contains("channel-account:" + accountId);
        assertThat(Json.<List<Double>>read(api.as(owner).get("/api/v1/monitoring/metrics"),
                "$[?(@.key == 'channels.broken')].value")).containsExactly(1.0);
        assertThat(Json.<List<Double>>read(api.as(stranger).get("/api/v1/monitoring/metrics"),
                "$[?(@.key == 'channels.broken')].value")).as("another workspace's accounts").containsExactly(0.0);
        assertThat(Json.<List<String>>read(api.as(stranger).get(HEALTH), "$.components[*].key"))
                .doesNotContain("channel-account:" + accountId);

        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(manager).get(HEALTH)).hasStatus(403);
        assertThat(api.as(manager).get("/api/v1/monitoring/status")).hasStatus(403);

        String page = web.page(web.signIn(owner), "/settings/system");
        assertThat(page).contains("Something is down.").contains("Acme on LinkedIn")
                .contains("The network refused the token").contains("Mail transport").contains("No alerts");
        assertThat(web.post(web.signIn(manager), "/settings/system/check")).hasStatus(403);
    }

    @Test
    void dueWorkNoNodeTakesForFiveMinutesIsAStalledQueue() {
        Member owner = workspaces.workspace("Stalled");
        String task = "health-test-" + UUID.randomUUID();
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, consecutive_failures, version)
                values (?, 'one', ?, false, 0, 1)""")
                .params(task, Timestamp.from(Instant.now().minus(Duration.ofMinutes(6)))).update();
        try {
            MvcTestResult health = api.as(owner).get(HEALTH + "?fresh=true");
            assertThat(Json.<List<String>>read(health, "$.components[?(@.key == 'jobs')].state"))
                    .containsExactly("DEGRADED");
            assertThat(Json.<List<String>>read(health, "$.components[?(@.key == 'jobs')].detail").get(0))
                    .contains("stalled (due for over 5 minutes, none taken): ").contains(task);
            assertThat(Json.<List<Double>>read(api.as(owner).get("/api/v1/monitoring/metrics"),
                    "$[?(@.key == 'jobs.stalled')].value").get(0)).isGreaterThanOrEqualTo(1.0);
        } finally {
            jdbc.sql("delete from scheduled_tasks where task_name = ?").param(task).update();
        }
        assertThat(Json.<List<String>>read(api.as(owner).get(HEALTH + "?fresh=true"), "$.components[?(@.key == 'jobs')].detail")
                .get(0)).doesNotContain(task);
    }

    @Test
    void emailsRefusedInTheLastHourAreCountedForTheirWorkspaceOnly() {
        Member owner = workspaces.workspace("Refused mail");
        Member stranger = workspaces.workspace("Refused elsewhere");
        Instant now = Instant.now();
        refusedTest(owner, now.minus(Duration.ofMinutes(5)));
        refusedTest(owner, now.minus(Duration.ofMinutes(50)));
        refusedTest(owner, now.minus(Duration.ofHours(2)));
        assertThat(Json.<List<Double>>read(api.as(owner).get("/api/v1/monitoring/metrics"),
                "$[?(@.key == 'mail.refused')].value")).as("two in the last hour, not the older one").containsExactly(2.0);
        assertThat(Json.<List<Double>>read(api.as(stranger).get("/api/v1/monitoring/metrics"),
                "$[?(@.key == 'mail.refused')].value")).containsExactly(0.0);
        assertThat(Json.<List<Double>>read(api.as(owner).get("/api/v1/monitoring/alert-rules"),
                "$[?(@.builtinKey == 'emails-refused')].threshold")).as("a few refusals are a list's normal wear")
                .containsExactly(10.0);
    }

    /** A test email the server refused at that moment, as the test send ledger records one. */
    private void refusedTest(Member member, Instant at) {
        jdbc.sql("""
                insert into email_test_sends (id, tenant_id, subject_kind, subject_id, content_digest, to_address, state,
                    error, created_by, created_at, updated_at)
                values (?, ?, 'TEMPLATE', ?, 'digest', 'nobody@example.com', 'FAILED', '550 No such user', ?, ?, ?)""")
                .params(UUID.randomUUID(), member.workspaceId(), UUID.randomUUID(), member.userId(), Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }
}
