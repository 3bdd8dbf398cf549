package io.flightdeck.ops.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention through the API: each kind's policy with its defaults and bounds, changed by an admin only, every mistake
 * at once; a clean-up run that removes old rows in batches and keeps young ones and those still needed (an unread
 * notification, a message still retrying, a digest's contents not yet sent, a bulk action still running), exports
 * before it purges (the export holds exactly the purged rows), reports per kind, and leaves another workspace alone.
 * Rows are written as old straight into the tables, as years of use would have left them.
 */
@FlightdeckTest
class RetentionTests {

    private static final String POLICIES = "/api/v1/retention/policies";
    private static final String RUNS = "/api/v1/retention/runs";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    RetentionPurger purger;
    @Autowired
    RetentionRuns retentionRuns;

    private RetentionRows rows;

    @BeforeEach
    void seedRows() {
        rows = new RetentionRows(jdbc);
    }

    @Test
    void policiesHaveDefaultsAreChangedByAdminsOnlyWithEveryMistakeAtOnce() {
        Member owner = workspaces.workspace("Retention policies");
        MvcTestResult defaults = api.as(owner).get(POLICIES);
        assertThat(defaults).hasStatusOk();
        assertThat(Json.<List<String>>read(defaults, "$[*].kind")).containsExactly("audit-log", "outgoing-messages",
                "notifications", "idempotency-keys", "job-history");
        assertThat(Json.<List<Integer>>read(defaults, "$[*].keepDays")).containsExactly(365, 90, 90, 1, 90);
        assertThat(Json.<List<Boolean>>read(defaults, "$[*].setByAdmin")).containsOnly(false);

        MvcTestResult refused = api.as(owner).put(POLICIES, """
                {"policies":[{"kind":"audit-log","keepDays":5},{"kind":"idempotency-keys","keepDays":0,
                 "exportBeforePurge":true},{"kind":"sessions","keepDays":3},{"kind":"notifications"},
                 {"kind":"event-publications","keepDays":3}]}""");
        assertThat(refused).hasStatus(400);
        assertThat(Json.<List<String>>read(refused, "$.errors[*].field")).containsExactlyInAnyOrder(
                "audit-log.keepDays", "idempotency-keys.keepDays", "idempotency-keys.exportBeforePurge",
                "policies[2].kind", "notifications.keepDays", "policies[4].kind");
        assertThat(api.as(owner).put(POLICIES, Map.of())).hasStatus(400);
        assertThat(Json.<List<Boolean>>read(api.as(owner).get(POLICIES), "$[*].setByAdmin")).as("nothing written")
                .containsOnly(false);

        MvcTestResult changed = api.as(owner).put(POLICIES, """
                {"policies":[{"kind":"audit-log","keepDays":400,"exportBeforePurge":true},
                 {"kind":"idempotency-keys","keepDays":2}]}""");
        assertThat(changed).hasStatusOk();
        assertThat(Json.<List<Integer>>read(changed, "$[?(@.kind == 'audit-log')].keepDays")).containsExactly(400);
        assertThat(Json.<List<Boolean>>read(changed, "$[?(@.kind == 'audit-log')].exportBeforePurge")).containsExactly(true);
        assertThat(Json.<List<Integer>>read(changed, "$[?(@.kind == 'idempotency-keys')].keepDays")).containsExactly(2);
        assertThat(Json.<List<Integer>>read(changed, "$[?(@.kind == 'notifications')].keepDays")).containsExactly(90);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(viewer).get(POLICIES)).hasStatus(403);
        assertThat(api.as(manager).put(POLICIES, Map.of("policies", List.of(Map.of("kind", "audit-log",
                "keepDays", 30))))).hasStatus(403);
        assertThat(api.as(manager).post(RUNS)).hasStatus(403);
        assertThat(api.as(viewer).get(RUNS)).hasStatus(403);

        Member stranger = workspaces.workspace("Retention elsewhere");
        assertThat(Json.<List<Integer>>read(api.as(stranger).get(POLICIES), "$[?(@.kind == 'audit-log')].keepDays"))
                .as("another workspace keeps its defaults").containsExactly(365);
    }

    @Test
    void aRunPurgesOldRowsInBatchesExportsThemFirstKeepsWhatIsNeededAndReportsIt() throws Exception {
        Member owner = workspaces.workspace("Retention run");
        Member other = workspaces.workspace("Retention untouched");
        Instant now = Instant.now();
        Instant old = now.minus(400, ChronoUnit.DAYS);
        Instant young = now.minus(10, ChronoUnit.DAYS);

        // audit: 1,201 entries past 365 days (three batches of 500), five young ones; the other workspace's old ones
        Set<UUID> oldAudit = new HashSet<>(rows.audit(owner.workspaceId(), old, 1201));
        List<UUID> youngAudit = rows.audit(owner.workspaceId(), young, 5);
        List<UUID> othersAudit = rows.audit(other.workspaceId(), old, 7);

        // outgoing messages and notifications, 100 days old (past 90)
        Instant past90 = now.minus(100, ChronoUnit.DAYS);
        UUID readDone = rows.notification(owner, past90, true);
        UUID readSent = rows.notification(owner, past90, true);
        UUID sent = rows.delivery(owner, readSent, past90, "SENT", null);
        UUID unread = rows.notification(owner, past90, false);
        UUID readRetrying = rows.notification(owner, past90, true);
        UUID retrying = rows.delivery(owner, readRetrying, past90, "FAILED", null);
        UUID digest = rows.notification(owner, now.minus(1, ChronoUnit.DAYS), false);
        rows.delivery(owner, digest, now.minus(1, ChronoUnit.DAYS), "QUEUED", null);
        UUID digested = rows.delivery(owner, rows.notification(owner, past90, true), past90, "DIGESTED", digest);
        UUID youngRead = rows.notification(owner, young, true);
        UUID othersRead = rows.notification(other, past90, true);

        // idempotency keys: two days old (past the one-day default) and an hour old
        rows.idempotencyKey(owner, now.minus(2, ChronoUnit.DAYS), "old-key");
        rows.idempotencyKey(owner, now.minus(1, ChronoUnit.HOURS), "young-key");
        rows.idempotencyKey(other, now.minus(2, ChronoUnit.DAYS), "others-key");

        // job history: a bulk action finished 100 days ago, one still running since then
        UUID finishedBulk = rows.bulk(owner, past90, "FINISHED");
        UUID runningBulk = rows.bulk(owner, past90, "RUNNING");

        assertThat(api.as(owner).put(POLICIES, """
                {"policies":[{"kind":"audit-log","keepDays":365,"exportBeforePurge":true},
                 {"kind":"notifications","keepDays":90,"exportBeforePurge":true}]}""")).hasStatusOk();

        MvcTestResult started = api.as(owner).post(RUNS);
        assertThat(started).hasStatus(202);
        String runId = Json.read(started, "$.id");
        assertThat(started.getResponse().getHeader("Location")).isEqualTo(RUNS + "/" + runId);
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("DONE", "FAILED")
                .contains(Json.<String>read(api.as(owner).get(RUNS + "/" + runId), "$.status")));
        MvcTestResult run = api.as(owner).get(RUNS + "/" + runId);
        assertThat(Json.<String>read(run, "$.status")).as(Json.body(run)).isEqualTo("DONE");
        assertThat(Json.<String>read(run, "$.trigger")).isEqualTo("MANUAL");

        // the audit log: the old ones went in three exported batches, the young and the other workspace's stayed
        assertThat(Json.<List<Integer>>read(run, "$.kinds[?(@.kind == 'audit-log')].removed")).containsExactly(1201);
        assertThat(Json.<List<Integer>>read(run, "$.kinds[?(@.kind == 'audit-log')].exportRows")).containsExactly(1201);
        assertThat(jdbc.sql("select count(*) from retention_export_parts where run_id = ? and kind = 'audit-log'")
                .param(UUID.fromString(runId)).query(Integer.class).single()).as("one part per batch").isEqualTo(3);
        assertThat(count("audit_log", oldAudit)).isZero();
        assertThat(count("audit_log", youngAudit)).isEqualTo(5);
        assertThat(count("audit_log", othersAudit)).isEqualTo(7);

        String link = Json.<List<String>>read(run, "$.kinds[?(@.kind == 'audit-log')].exportUrl").get(0);
        MvcTestResult export = api.as(owner).get(link);
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getContentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.getResponse().getContentAsString().split("\n")) {
            lines.add(json.readTree(line));
        }
        Set<UUID> exported = new HashSet<>();
        lines.forEach(line -> exported.add(UUID.fromString(line.get("id").asString())));
        assertThat(lines).hasSize(1201);
        assertThat(exported).as("exactly the purged rows").isEqualTo(oldAudit);
        assertThat(lines.get(0).get("entity_type").asString()).isEqualTo("RetentionTest");
        assertThat(lines.get(0).get("occurred_at").asString()).startsWith(old.toString().substring(0, 10));
        assertThat(api.as(other).get(link)).as("not the other workspace's").hasStatus(404);
        assertThat(api.as(owner).get(RUNS + "/" + runId + "/exports/outgoing-messages")).as("not exported")
                .hasStatus(404);

        // outgoing messages: the sent one went; the retrying one and the digest's contents not yet sent stayed
        assertThat(count("notification_deliveries", List.of(sent))).isZero();
        assertThat(count("notification_deliveries", List.of(retrying, digested))).isEqualTo(2);
        // notifications: read and free went (the one whose sent message went first too); unread, retrying, young and
        // the other workspace's stayed
        assertThat(count("notifications", List.of(readDone, readSent))).isZero();
        assertThat(count("notifications", List.of(unread, readRetrying, youngRead, othersRead))).isEqualTo(4);
        assertThat(Json.<List<Integer>>read(run, "$.kinds[?(@.kind == 'notifications')].removed")).containsExactly(2);
        assertThat(Json.<List<Boolean>>read(run, "$.kinds[?(@.kind == 'outgoing-messages')].exported"))
                .containsExactly(false);

        assertThat(jdbc.sql("select idempotency_key from idempotency_keys where tenant_id in (?, ?)")
                .params(owner.workspaceId(), other.workspaceId()).query(String.class).list())
                .containsExactlyInAnyOrder("young-key", "others-key");
        assertThat(count("bulk_operations", List.of(finishedBulk))).isZero();
        assertThat(count("bulk_operations", List.of(runningBulk))).isOne();

        MvcTestResult list = api.as(owner).get(RUNS);
        assertThat(list).hasStatusOk();
        assertThat(Json.<List<String>>read(list, "$.items[*].id")).containsExactly(runId);
        assertThat(Json.<List<String>>read(api.as(other).get(RUNS), "$.items[*].id")).isEmpty();
        assertThat(api.as(other).get(RUNS + "/" + runId)).hasStatus(404);
        assertThat(api.as(owner).get(RUNS + "/" + UUID.randomUUID())).hasStatus(404);
    }

    @Test
    void aSecondRunWaitsForTheFirstAndOldRunsGoWithTheirExportsAsJobHistory() {
        Member owner = workspaces.workspace("Retention runs");
        rows.audit(owner.workspaceId(), Instant.now().minus(400, ChronoUnit.DAYS), 3);
        assertThat(api.as(owner).put(POLICIES, """
                {"policies":[{"kind":"audit-log","keepDays":365,"exportBeforePurge":true}]}""")).hasStatusOk();
        UUID first = TenantScope.call(owner.workspaceId(), () -> {
            UUID run = retentionRuns.create(owner.workspaceId(), "MANUAL", owner.userId());
            return run;
        });
        assertThat(api.as(owner).post(RUNS)).as("one is queued").hasStatus(409);
        TenantScope.run(owner.workspaceId(), () -> purger.run(first));
        String key = jdbc.sql("select blob_key from retention_export_parts where run_id = ?").param(first)
                .query(String.class).single();

        // 100 days later (as if), the run is job history and goes with its export's file
        jdbc.sql("update retention_runs set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(100, ChronoUnit.DAYS)), first).update();
        MvcTestResult second = api.as(owner).post(RUNS);
        assertThat(second).hasStatus(202);
        String secondId = Json.read(second, "$.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Json.<String>read(api.as(owner).get(RUNS + "/" + secondId),
                "$.status").equals("DONE"));
        assertThat(Json.<List<Integer>>read(api.as(owner).get(RUNS + "/" + secondId),
                "$.kinds[?(@.kind == 'job-history')].removed")).containsExactly(1);
        assertThat(api.as(owner).get(RUNS + "/" + first)).hasStatus(404);
        assertThat(jdbc.sql("select count(*) from retention_export_parts where blob_key = ?").param(key)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theInstallationsCompletedEventPublicationsGoIncompleteOnesStay() {
        UUID completed = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        Timestamp old = Timestamp.from(Instant.now().minus(30, ChronoUnit.DAYS));
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                + " completion_date, status) values (?, 'retention-test', 'x', '{}', ?, ?, 'COMPLETED')")
                .params(completed, old, old).update();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                + " status) values (?, 'retention-test', 'x', '{}', ?, 'FAILED')").params(incomplete, old).update();
        TenantScope.system("test", () -> {
            purger.runPlatform();
            return null;
        });
        assertThat(jdbc.sql("select id from event_publication where listener_id = 'retention-test'").query(UUID.class)
                .list()).containsExactly(incomplete);
        jdbc.sql("delete from event_publication where listener_id = 'retention-test'").update();
    }

    private long count(String table, java.util.Collection<UUID> ids) {
        return jdbc.sql("select count(*) from " + table + " where id in (:ids)").param("ids", List.copyOf(ids))
                .query(Long.class).single();
    }
}
