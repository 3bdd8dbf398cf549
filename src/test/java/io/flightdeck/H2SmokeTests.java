package io.flightdeck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.shared.tenancy.TenantScope;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer runs: the app booted on the embedded H2 database (always H2, even when the suite runs on
 * PostgreSQL), migrations applied, demo workspace created, sign-in and the health endpoint working. Every test runs
 * after the pool has retired the connections the application started with, as it does after half an hour
 * (Hikari's max-lifetime): H2 2.4.240 bound a check constraint to the session that first parsed it, so once that
 * connection was retired every insert into such a table failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "flightdeck.demo.enabled=true",
        // What a newcomer runs: the application's own pool, not the test profile's small one. Seeding the demo runs
        // several listeners at once, and a listener that seeds templates holds a second connection for a moment.
        "spring.datasource.hikari.maximum-pool-size=10"})
@ActiveProfiles("test")
class H2SmokeTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MetricFacts facts;
    @Autowired
    TransactionTemplate transactions;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Retires every connection the pool holds and waits until none of their database sessions is left. */
    @BeforeAll
    static void retireTheStartingConnections(@Autowired DataSource dataSource, @Autowired JdbcClient jdbc)
            throws SQLException {
        List<Integer> starting = jdbc.sql("select session_id from information_schema.sessions")
                .query(Integer.class).list();
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select session_id from information_schema.sessions").query(Integer.class)
                        .list().stream().noneMatch(starting::contains));
    }

    @Test
    void everyTableWithACheckConstraintTakesWritesAfterThePoolRetiredItsConnections() {
        List<String> checked = jdbc.sql("""
                select distinct table_name from information_schema.table_constraints
                where constraint_type = 'CHECK' and table_schema = 'public' order by table_name""")
                .query(String.class).list();
        UUID workspace = jdbc.sql("select id from workspaces where slug = 'northwind'").query(UUID.class).single();
        UUID user = jdbc.sql("select id from users where email = 'demo@flightdeck.local'").query(UUID.class).single();
        UUID contact = UUID.randomUUID();
        // a write that passes each check, so a failure can only be the constraint itself; rolled back afterwards
        Map<String, List<String>> writes = Map.ofEntries(Map.entry(
                "ad_platform_connections", List.of("""
                        insert into ad_platform_connections (id, tenant_id, platform, name, account_id, created_by,
                            created_at, version)
                        values (:contact, :workspace, 'META', 'Smoke ads', 'act_1', :user, current_timestamp, 0)""")),
                Map.entry("analytics_facts", List.of("""
                        insert into analytics_facts (tenant_id, source, object_type, object_id, metric, granularity,
                            period_start, fact_value, updated_at)
                        values (:workspace, 'smoke', 'ad', 'h2', 'CLICKS', 'DAY', current_timestamp, 1,
                            current_timestamp)""")),
                Map.entry("analytics_rollups", List.of("""
                        insert into analytics_rollups (tenant_id, campaign_id, granularity, period_start, channel,
                            metric, currency, rollup_value, updated_at)
                        values (:workspace, :contact, 'WEEK', current_date, 'ADS', 'CLICKS', '', 1,
                            current_timestamp)""")),
                Map.entry("asset_upload_sessions", List.of("""
                        insert into asset_upload_sessions (id, tenant_id, created_by, upload_length, upload_offset,
                            metadata, created_at, updated_at, expires_at, version)
                        values (:contact, :workspace, :user, 10, 0, json '{}', current_timestamp, current_timestamp,
                            current_timestamp, 0)""")),
                Map.entry("notification_deliveries", List.of("""
                        insert into webhook_endpoints (id, tenant_id, url, event_types, secret, enabled, owner_id,
                            created_at, updated_at, version)
                        values (:contact, :workspace, 'https://hooks.example.com/in', '*', 'smoke', true, :user,
                            current_timestamp, current_timestamp, 0)""", """
                        insert into notification_deliveries (id, tenant_id, kind, endpoint_id, idempotency_key,
                            event_type, event_key, payload, status, attempts, possible_duplicate, created_at,
                            updated_at, version)
                        values (:contact, :workspace, 'WEBHOOK', :contact, 'msg_smoke', 'webhook.test', 'smoke', '{}',
                            'QUEUED', 0, false, current_timestamp, current_timestamp, 0)""")),
                Map.entry("creative_part_regenerations", List.of("""
                        insert into creative_part_regenerations (id, tenant_id, creative_id, scope, component_kind,
                            state, attempts, requested_by, created_at, updated_at, version)
                        values (:contact, :workspace, :contact, 'PART', 'CAPTION', 'QUEUED', 0, :user,
                            current_timestamp, current_timestamp, 0)""")),
                Map.entry("campaign_templates", List.of("""
                        insert into campaign_templates (id, tenant_id, name, category, visibility, owner_id,
                            campaign_type, priority, uses, created_at, updated_at, version)
                        values (:contact, :workspace, 'Smoke launch', 'General', 'PRIVATE', :user, 'OTHER', 'MEDIUM', 0,
                            current_timestamp, current_timestamp, 0)""")),
                Map.entry("saved_searches", List.of("""
                        insert into saved_searches (id, tenant_id, owner_id, name, visibility, query, alert,
                            created_at, updated_at, version)
                        values (:contact, :workspace, :user, 'Smoke launches', 'PRIVATE', '{"text":"launch"}', false,
                            current_timestamp, current_timestamp, 0)""")),
                Map.entry("email_engagements", List.of("""
                        insert into email_contacts (id, tenant_id, email, email_key, attributes, status,
                            status_changed_at, created_at, updated_at, version)
                        values (:contact, :workspace, 'smoke@example.com', 'smoke@example.com', json '{}',
                            'SUBSCRIBED', current_timestamp, current_timestamp, current_timestamp, 0)""", """
                        insert into email_engagements (id, tenant_id, contact_id, kind, human, occurred_at)
                        values (:contact, :workspace, :contact, 'OPEN', true, current_timestamp)""")));
        assertThat(checked).as("every table with a check constraint has a write here")
                .containsExactlyInAnyOrderElementsOf(writes.keySet());
        transactions.executeWithoutResult(status -> {
            writes.values().stream().flatMap(List::stream).forEach(sql -> assertThat(jdbc.sql(sql)
                    .param("workspace", workspace).param("user", user).param("contact", contact).update())
                    .as(sql).isEqualTo(1));
            status.setRollbackOnly();
        });
    }

    @Test
    void migrationsRunOnH2() {
        assertThat(jdbc.sql("select h2version()").query(String.class).single()).startsWith("2.");
        int failed = jdbc.sql("select count(*) from flyway_schema_history where success = false").query(Integer.class).single();
        int applied = jdbc.sql("select count(*) from flyway_schema_history where success = true").query(Integer.class).single();
        assertThat(failed).isZero();
        assertThat(applied).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Integer.class).single()).isGreaterThan(0);
    }

    @Test
    void metricFactsAreWrittenOnTheirKeyOnH2() {
        UUID workspace = jdbc.sql("select id from workspaces where slug = 'northwind'").query(UUID.class).single();
        Instant hour = Instant.parse("2026-03-02T09:00:00Z");
        TenantScope.run(workspace, () -> {
            facts.upsert(List.of(MetricFact.hourly("api", "ad", "h2", null, "ADS", Metric.CLICKS, hour, 3)));
            facts.replace("api", "ad", "h2", List.of(MetricFact.hourly("api", "ad", "h2", null, "ADS", Metric.CLICKS,
                    hour, 4), MetricFact.hourly("api", "ad", "h2", null, "ADS", Metric.IMPRESSIONS, hour, 40)));
            assertThat(facts.of("api", "ad", "h2")).extracting(f -> f.metric() + " " + f.value())
                    .containsExactly("CLICKS 4", "IMPRESSIONS 40");
        });
    }

    /**
     * The retention purge on H2: an admin's run removes an old audit entry after exporting it (the export downloads),
     * and the daily job, brought forward, purges every workspace and the installation's event publications, with no
     * kind failing on H2's SQL.
     */
    @Test
    void retentionPurgesAndExportsOnH2() throws Exception {
        UUID workspace = jdbc.sql("select id from workspaces where slug = 'northwind'").query(UUID.class).single();
        UUID entry = UUID.randomUUID();
        jdbc.sql("insert into audit_log (id, tenant_id, actor_name, action, entity_type, entity_id, occurred_at,"
                + " change_set) values (?, ?, 'Smoke', 'UPDATE', 'Smoke', ?, ?, 'smoke')")
                .params(entry, workspace, UUID.randomUUID(), java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(400))))
                .update();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"demo@flightdeck.local\",\"password\":\"flightdeck-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String bearer = "Bearer " + token.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> policy = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/retention/policies"))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"policies\":[{\"kind\":\"audit-log\",\"keepDays\":365,\"exportBeforePurge\":true}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/retention/runs"))
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        String runId = run.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select status from retention_runs where id = ?")
                .param(UUID.fromString(runId)).query(String.class).single().equals("DONE"));
        assertThat(jdbc.sql("select count(*) from retention_run_kinds where run_id = ? and error is not null")
                .param(UUID.fromString(runId)).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where id = ?").param(entry).query(Integer.class).single()).isZero();
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/retention/runs/" + runId + "/exports/audit-log")).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(entry.toString());

        jdbc.sql("update scheduled_tasks set execution_time = ? where task_name = 'retention-purge' and picked = false")
                .param(java.sql.Timestamp.from(Instant.now())).update();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from retention_runs"
                + " where tenant_id is null and status = 'DONE'").query(Integer.class).single() > 0
                && jdbc.sql("select count(*) from retention_runs where tenant_id = ? and trigger_kind = 'SCHEDULED'"
                + " and status = 'DONE'").param(workspace).query(Integer.class).single() > 0);
        assertThat(jdbc.sql("select count(*) from retention_run_kinds where error is not null").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void demoWorkspaceExistsAndItsOwnerCanSignIn() throws Exception {
        assertThat(jdbc.sql("select count(*) from workspaces where slug = 'northwind'").query(Integer.class).single()).isEqualTo(1);
        // marked as the demo: its numbers are all simulated, and guidance may learn from them there
        assertThat(jdbc.sql("select demo from workspaces where slug = 'northwind'").query(Boolean.class).single())
                .isTrue();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"demo@flightdeck.local\",\"password\":\"flightdeck-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("\"workspaceSlug\":\"northwind\"").contains("\"role\":\"OWNER\"");
        // the demo's content: a brand, generated creatives, one a person edited (hybrid), one in review
        assertThat(jdbc.sql("select count(*) from brands").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from creatives").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from creatives where mode = 'HYBRID'").query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * The page walk on the demo workspace a newcomer sees, after the pool retired its first connections (as it does
     * half an hour after start): no serious or critical axe finding and no sideways scrolling on a phone.
     */
    @Test
    void theDemoWorkspacePassesThePageWalk() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.flightdeck.support.Chromium.installed(),
                "no Chromium at " + io.flightdeck.support.Chromium.PATH);
        List<String> problems = new DemoWorkspaceWalk(port).problems();
        assertThat(problems).as("problems the page walk found on the demo workspace").isEmpty();
    }

    /**
     * The journey of an email through its approvals, in the browser, from the approver's inbox to the recipient's
     * mail to the dashboard, after the pool retired its first connections (the bug of H2 2.4.240 broke the click's
     * insert and every dashboard then).
     */
    @Test
    void anEmailIsApprovedRewrittenApprovedAgainSentAndItsClickReachesTheDashboard() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.flightdeck.support.Chromium.installed(),
                "no Chromium at " + io.flightdeck.support.Chromium.PATH);
        new EmailApprovalJourney(port, () -> jdbc.sql("update scheduled_tasks set execution_time = ?"
                + " where task_name = 'email-facts' and picked = false").param(java.sql.Timestamp.from(Instant.now()))
                .update()).run();
    }

    @Test
    void pagesAndHealthAnswer() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
