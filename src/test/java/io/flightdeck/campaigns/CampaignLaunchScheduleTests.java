package io.flightdeck.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Launch on the start date": a durable db-scheduler job per campaign, which checks the gate again when it runs. The
 * test moves the application's clock to the start date, then makes the stored job due now and lets the scheduler
 * run it, as it would after a restart.
 */
@FlightdeckTest
class CampaignLaunchScheduleTests {

    static final LocalDate START = LocalDate.parse("2027-03-01");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    JdbcTemplate jdbc;

    private CampaignRequests api;
    private ApiClient client;

    @BeforeEach
    void setUp() {
        api = new CampaignRequests(mvc);
        client = new ApiClient(mvc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult schedule(Member as, String id, String body) {
        return client.as(as).post(CampaignRequests.BASE + "/" + id + "/launch-schedule", body);
    }

    private MvcTestResult unschedule(Member as, String id) {
        return client.as(as).delete(CampaignRequests.BASE + "/" + id + "/launch-schedule");
    }

    private Map<String, Object> job(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select execution_time, task_data from scheduled_tasks where task_name = 'scheduled-launch' and task_instance = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The start date comes: the app's clock moves there, and the stored job is made due now for the scheduler. */
    private void startDateComes(String id) {
        clock.advance(Duration.between(Instant.now(), START.atStartOfDay(ZoneOffset.UTC).toInstant()).plusHours(1));
        assertThat(scheduler.reschedule(TaskInstanceId.of("scheduled-launch", id), Instant.now())).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id) == null);
    }

    @Test
    void aScheduledLaunchRunsOnTheStartDateWhenTheGatePasses() {
        Member owner = workspaces.withoutApprovals("Scheduled launch");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Scheduled");

        MvcTestResult scheduled = schedule(owner, id, null);

        assertThat(scheduled).hasStatusOk();
        assertThat((String) Json.read(scheduled, "$.launchScheduledFor")).isEqualTo("2027-03-01");
        assertThat((String) Json.read(scheduled, "$.status")).isEqualTo("READY");
        Map<String, Object> job = job(id);
        assertThat(job).as("a durable job row").isNotNull();
        assertThat(jdbc.queryForObject("select execution_time from scheduled_tasks where task_name = 'scheduled-launch' "
                + "and task_instance = ?", java.time.OffsetDateTime.class, id).toInstant())
                .isEqualTo(START.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(new String((byte[]) job.get("task_data"))).contains(owner.workspaceId().toString(), id);
        assertThat(api.sentences(owner, id).get(0)).endsWith("scheduled the launch for Monday 1 March 2027");

        startDateComes(id);

        MvcTestResult after = api.get(owner, id);
        assertThat((String) Json.read(after, "$.status")).isEqualTo("ACTIVE");
        assertThat((Object) Json.read(after, "$.launchScheduledFor")).isNull();
        assertThat(api.sentences(owner, id).get(0))
                .isEqualTo(api.displayName(owner) + " launched the campaign as scheduled for Monday 1 March 2027");
    }

    @Test
    void whenTheGateFailsAtRunTimeTheActivitySaysWhyAndTheCampaignStaysReady() {
        Member owner = workspaces.withoutApprovals("Scheduled but thin");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Thin later");
        assertThat(schedule(owner, id, null)).hasStatusOk();
        // after scheduling, the budget goes and the workspace asks for more
        assertThat(api.put(owner, id, CampaignRequests.readyBody("Thin later")
                .replace("\"budget\":{\"amount\":5000.00,\"currency\":\"EUR\"}", "\"budget\":null"), null)).hasStatusOk();
        assertThat(client.as(owner).put("/api/v1/campaign-settings", Map.of("readinessThreshold", 90))).hasStatusOk();

        startDateComes(id);

        MvcTestResult after = api.get(owner, id);
        assertThat((String) Json.read(after, "$.status")).isEqualTo("READY");
        assertThat((Object) Json.read(after, "$.launchScheduledFor")).isNull();
        assertThat(api.sentences(owner, id).get(0)).startsWith(api.displayName(owner)
                + " scheduled the launch for Monday 1 March 2027, which did not happen: readiness is ")
                .contains("below the launch threshold of 90%", "Budget");
    }

    @Test
    void cancellingRemovesTheJobAndLaunchingNowDoesToo() {
        Member owner = workspaces.withoutApprovals("Unscheduled");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Changed mind");
        assertThat(schedule(owner, id, "{\"confirm\":false}")).hasStatusOk();

        MvcTestResult cancelled = unschedule(owner, id);

        assertThat(cancelled).hasStatusOk();
        assertThat((Object) Json.read(cancelled, "$.launchScheduledFor")).isNull();
        assertThat(job(id)).isNull();
        assertThat(api.sentences(owner, id).get(0)).endsWith("cancelled the launch scheduled for Monday 1 March 2027");
        MvcTestResult again = unschedule(owner, id);
        assertThat(again).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(again, "$.type")).endsWith("/no-launch-scheduled");

        assertThat(schedule(owner, id, null)).hasStatusOk();
        assertThat(schedule(owner, id, null)).as("scheduling again keeps one job").hasStatusOk();
        assertThat(api.transition(owner, id, "launch")).hasStatusOk();
        assertThat(job(id)).as("launched now: the job is gone").isNull();
        assertThat((Object) Json.read(api.get(owner, id), "$.launchScheduledFor")).isNull();
    }

    @Test
    void onlyAReadyCampaignWithAFutureStartDateAndAnOpenGateIsScheduled() {
        Member owner = workspaces.withoutApprovals("Not schedulable");
        String draft = api.createId(owner, CampaignRequests.readyBody("Draft"));
        MvcTestResult illegal = schedule(owner, draft, null);
        assertThat(illegal).hasStatus(409);
        assertThat((String) Json.read(illegal, "$.type")).endsWith("/illegal-transition");

        String undated = api.campaignIn(owner, CampaignStatus.READY, "Undated");
        assertThat(api.put(owner, undated, CampaignRequests.readyBody("Undated")
                .replace("\"startDate\":\"2027-03-01\",\"endDate\":\"2027-03-31\",", ""), null)).hasStatusOk();
        assertThat(client.as(owner).put("/api/v1/campaign-settings", Map.of("readinessThreshold", 50))).hasStatusOk();
        MvcTestResult noDate = schedule(owner, undated, null);
        assertThat(noDate).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(noDate, "$.type")).endsWith("/launch-not-schedulable");

        assertThat(client.as(owner).put("/api/v1/campaign-settings", Map.of("readinessThreshold", 100))).hasStatusOk();
        String thin = api.campaignIn(owner, CampaignStatus.READY, "Thin");
        assertThat(api.put(owner, thin, CampaignRequests.readyBody("Thin")
                .replace("\"budget\":{\"amount\":5000.00,\"currency\":\"EUR\"}", "\"budget\":null"), null)).hasStatusOk();
        MvcTestResult below = schedule(owner, thin, null);
        assertThat(below).hasStatus(409);
        assertThat((String) Json.read(below, "$.type")).endsWith("/readiness-below-threshold");
        assertThat(job(thin)).isNull();
        assertThat(client.as(owner).put("/api/v1/campaign-settings", Map.of("readinessThreshold", 80))).hasStatusOk();

        String late = api.campaignIn(owner, CampaignStatus.READY, "Too late to schedule");
        clock.advance(Duration.between(Instant.now(), START.atStartOfDay(ZoneOffset.UTC).toInstant()).plusDays(1));
        MvcTestResult passed = schedule(owner, late, null);
        assertThat(passed).hasStatus(409);
        assertThat((String) Json.read(passed, "$.type")).endsWith("/launch-not-schedulable");
        assertThat((String) Json.read(passed, "$.detail")).contains("Monday 1 March 2027", "launch it now");
    }

    @Test
    void viewersCannotScheduleAndOtherWorkspacesSeeNothing() {
        Member owner = workspaces.withoutApprovals("Schedule roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.withoutApprovals("Schedule stranger");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Guarded");

        assertThat(schedule(viewer, id, null)).hasStatus(403);
        assertThat(schedule(stranger, id, null)).hasStatus(404);
        assertThat(schedule(owner, id, null)).hasStatusOk();
        assertThat(unschedule(viewer, id)).hasStatus(403);
        assertThat(unschedule(stranger, id)).hasStatus(404);
        assertThat(job(id)).isNotNull();
        assertThat(unschedule(owner, id)).hasStatusOk();
    }
}
