package io.flightdeck.ops.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert rules over the monitored metrics, through the API: Flightdeck's own rules, a rule of the workspace's own with
 * a wait, one alert per incident, acknowledge and resolve by hand, an alert that resolves itself when its condition
 * clears, and the admins told of it in the app. The condition is made real: a connected sandbox account whose health
 * is set to broken, as the token refresh sets it (ChannelTokensTests). Evaluation is the job's own step, run here
 * for one workspace at a time with the test clock.
 */
@FlightdeckTest
class SystemAlertsTests {

    private static final String RULES = "/api/v1/monitoring/alert-rules";
    private static final String ALERTS = "/api/v1/monitoring/alerts";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void evaluate(Member member) {
        TenantScope.run(member.workspaceId(),
                () -> transactions.executeWithoutResult(status -> evaluation.evaluate(member.workspaceId())));
    }

    private String connectAccount(Member owner) {
        MvcTestResult account = api.as(owner).post("/api/v1/channels/sandbox", """
                {"channel":"LINKEDIN","displayName":"Acme on LinkedIn"}""");
        assertThat(account).hasStatus(201);
        return Json.read(account, "$.id");
    }

    private void setHealth(String account, String health) {
        jdbc.sql("update channel_accounts set health = ?, health_reason = ? where id = ?")
                .params(health, health.equals("BROKEN") ? "The network refused the token" : null, UUID.fromString(account))
                .update();
    }

    @Test
    void flightdecksOwnRulesAreThereAndCannotBeDeleted() {
        Member owner = workspaces.workspace("Alert rules");
        MvcTestResult rules = api.as(owner).get(RULES);
        assertThat(rules).hasStatusOk();
        assertThat(Json.<List<String>>read(rules, "$[*].builtinKey")).as("by name")
                .containsExactly("channel-broken", "storage-failing", "emails-refused", "events-stuck", "mail-refused",
                        "queue-stalled");
        assertThat(api.as(owner).get(RULES)).satisfies(again -> assertThat(Json.<List<String>>read(again, "$[*].id"))
                .as("made once").isEqualTo(Json.<List<String>>read(rules, "$[*].id")));
        String queue = Json.<List<String>>read(rules, "$[?(@.builtinKey == 'queue-stalled')].id").get(0);
        assertThat(api.as(owner).delete(RULES + "/" + queue)).hasStatus(409);

        MvcTestResult off = api.as(owner).put(RULES + "/" + queue, Map.of("name", "Queue stalled", "metric",
                "jobs.stalled", "comparison", "ABOVE", "threshold", 0, "forMinutes", 10, "severity", "WARNING",
                "enabled", false));
        assertThat(off).hasStatusOk();
        assertThat((Boolean) Json.read(off, "$.enabled")).isFalse();
        assertThat((Integer) Json.read(off, "$.forMinutes")).isEqualTo(10);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(viewer).get(RULES)).hasStatus(403);
        assertThat(api.as(manager).post(RULES, Map.of("name", "x"))).hasStatus(403);
        Member stranger = workspaces.workspace("Alert rules elsewhere");
        assertThat(api.as(stranger).get(RULES + "/" + queue)).hasStatus(404);
        assertThat(api.as(stranger).put(RULES + "/" + queue, Map.of("name", "Mine now", "metric", "jobs.due",
                "comparison", "ABOVE", "threshold", 1, "forMinutes", 0, "severity", "INFO"))).hasStatus(404);
    }

    @Test
    void aRuleIsRefusedWithEveryMistakeAtOnceAndNothingWritten() {
        Member owner = workspaces.workspace("Alert rule mistakes");
        MvcTestResult refused = api.as(owner).post(RULES, """
                {"name":"  ","metric":"cpu.load","comparison":"AROUND","threshold":null,"forMinutes":5000,"severity":"LOUD"}""");
        assertThat(refused).hasStatus(400);
        assertThat(Json.<List<String>>read(refused, "$.errors[*].field")).containsExactlyInAnyOrder("name", "metric",
                "comparison", "threshold", "forMinutes", "severity");
        assertThat(api.as(owner).post(RULES, Map.of("name", "x".repeat(121), "metric", "jobs.due", "comparison",
                "ABOVE", "threshold", 1, "forMinutes", 0, "severity", "INFO"))).hasStatus(400);
        assertThat(Json.<List<String>>read(api.as(owner).get(RULES), "$[*].name")).as("the built-in ones only")
                .hasSize(6);
    }

    @Test
    void aBrokenAccountOpensOneAlertAfterItsWaitTheAdminsHearAndItResolvesItselfWhenMended() {
        Member owner = workspaces.workspace("Alerts");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member stranger = workspaces.workspace("Alerts elsewhere");
        String account = connectAccount(owner);
        MvcTestResult created = api.as(owner).post(RULES, Map.of("name", "LinkedIn down", "metric",
                "channels.broken", "comparison", "ABOVE", "threshold", 0, "forMinutes", 5, "severity", "CRITICAL"));
        assertThat(created).hasStatus(201);
        String rule = Json.read(created, "$.id");
        // the built-in "Channel account broken" rule would open its own alert at once: off, to follow one rule
        String builtin = Json.<List<String>>read(api.as(owner).get(RULES),
                "$[?(@.builtinKey == 'channel-broken')].id").get(0);
        assertThat(api.as(owner).put(RULES + "/" + builtin, Map.of("name", "Channel account broken", "metric",
                "channels.broken", "comparison", "ABOVE", "threshold", 0, "forMinutes", 0, "severity", "WARNING",
                "enabled", false))).hasStatusOk();

        setHealth(account, "BROKEN");
        evaluate(owner);
        assertThat(api.as(owner).get(RULES + "/" + rule)).satisfies(r -> {
            assertThat((Double) Json.read(r, "$.lastValue")).isEqualTo(1.0);
            assertThat((String) Json.read(r, "$.breachingSince")).isNotNull();
        });
        assertThat((Integer) Json.read(api.as(owner).get(ALERTS), "$.total")).as("not before its wait").isZero();

        clock.advance(Duration.ofMinutes(5));
        evaluate(owner);
        evaluate(owner);
        MvcTestResult open = api.as(owner).get(ALERTS + "?status=OPEN");
        assertThat((Integer) Json.read(open, "$.total")).as("one alert for the incident").isEqualTo(1);
        String alert = Json.read(open, "$.items[0].id");
        assertThat((String) Json.read(open, "$.items[0].message"))
                .isEqualTo("Channel accounts broken is 1, above 0, for 5 minutes");
        assertThat((String) Json.read(open, "$.items[0].severity")).isEqualTo("CRITICAL");
        evaluate(stranger);
        assertThat((Integer) Json.read(api.as(stranger).get(ALERTS), "$.total")).as("another workspace").isZero();
        assertThat(api.as(stranger).post(ALERTS + "/" + alert + "/acknowledge")).hasStatus(404);

        // the admins hear it, urgently; a contributor does not
        for (Member told : List.of(owner, admin)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Json.<List<String>>read(
                    api.as(told).get("/api/v1/notifications"), "$.items[*].title").contains("Critical alert: LinkedIn down"));
        }
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/notifications"),
                "$.items[?(@.title == 'Critical alert: LinkedIn down')].priority")).containsExactly("URGENT");
        assertThat(Json.<List<String>>read(api.as(contributor).get("/api/v1/notifications"), "$.items[*].title"))
                .doesNotContain("Critical alert: LinkedIn down");

        MvcTestResult acknowledged = api.as(admin).post(ALERTS + "/" + alert + "/acknowledge");
        assertThat(acknowledged).hasStatusOk();
        assertThat((String) Json.read(acknowledged, "$.status")).isEqualTo("ACKNOWLEDGED");
        assertThat((String) Json.read(acknowledged, "$.acknowledgedBy")).isEqualTo(admin.userId().toString());
        assertThat(api.as(admin).post(ALERTS + "/" + alert + "/acknowledge")).hasStatus(409);

        setHealth(account, "CONNECTED");
        clock.advance(Duration.ofMinutes(1));
        evaluate(owner);
        MvcTestResult resolved = api.as(owner).get(ALERTS + "/" + alert);
        assertThat((String) Json.read(resolved, "$.status")).isEqualTo("RESOLVED");
        assertThat((Boolean) Json.read(resolved, "$.clearedItself")).isTrue();
        assertThat((Double) Json.read(resolved, "$.lastValue")).isEqualTo(1.0);
        assertThat(api.as(owner).post(ALERTS + "/" + alert + "/resolve")).hasStatus(409);
        assertThat(api.as(stranger).post(ALERTS + "/" + alert + "/resolve")).as("another workspace").hasStatus(404);
        assertThat(api.as(stranger).get(ALERTS + "/" + alert)).hasStatus(404);
        assertThat(api.as(stranger).delete(RULES + "/" + rule)).hasStatus(404);
        assertThat(api.as(owner).get(ALERTS + "?status=SMOULDERING")).as("an unknown status").hasStatus(400);
        assertThat(api.as(owner).get(ALERTS + "/not-an-id")).hasStatus(400);
        assertThat(api.as(owner).post(RULES, "[1,2]")).as("not a rule").hasStatus(400);
        await().atMost(Duration.ofSeconds(20)).until(() -> Json.<List<String>>read(
                api.as(owner).get("/api/v1/notifications"), "$.items[*].title").contains("Alert resolved: LinkedIn down"));
    }

    @Test
    void anAlertResolvedByHandWhileItHoldsWaitsTheRulesTimeBeforeANewOne() {
        Member owner = workspaces.workspace("Alerts by hand");
        String account = connectAccount(owner);
        setHealth(account, "BROKEN");
        evaluate(owner); // the built-in rule: no wait
        MvcTestResult open = api.as(owner).get(ALERTS + "?status=OPEN&status=ACKNOWLEDGED");
        assertThat((Integer) Json.read(open, "$.total")).isEqualTo(1);
        assertThat((String) Json.read(open, "$.items[0].ruleName")).isEqualTo("Channel account broken");
        String alert = Json.read(open, "$.items[0].id");

        MvcTestResult resolved = api.as(owner).post(ALERTS + "/" + alert + "/resolve");
        assertThat(resolved).hasStatusOk();
        assertThat((Boolean) Json.read(resolved, "$.clearedItself")).isFalse();
        assertThat((String) Json.read(resolved, "$.resolvedBy")).isEqualTo(owner.userId().toString());
        evaluate(owner);
        assertThat((Integer) Json.read(api.as(owner).get(ALERTS + "?status=OPEN"), "$.total"))
                .as("the built-in rule waits 0 minutes: it holds still, so a new incident opens").isEqualTo(1);
        assertThat((Integer) Json.read(api.as(owner).get(ALERTS), "$.total")).isEqualTo(2);
    }
}
