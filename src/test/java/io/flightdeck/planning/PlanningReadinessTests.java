package io.flightdeck.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning's items in a campaign's readiness checklist, read through {@code GET /api/v1/campaigns/{id}/readiness}:
 * critical-path tasks that have nobody, critical-path tasks past their due date, and a plan that ends after the
 * campaign's end date. None blocks; each weighs 10. A campaign without a timeline gets no planning items at all.
 */
@FlightdeckTest
@SuppressWarnings("unchecked")
class PlanningReadinessTests {

    static final String ASSIGNED = "planning.critical-assigned";
    static final String ON_TIME = "planning.critical-on-time";
    static final String FITS = "planning.plan-fits";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;

    private PlanningRequests api;
    private Member owner;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
        owner = api.workspace(workspaces, "Planning readiness"); // automatic timelines off: each test lays its own out
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult readiness(String campaignId) {
        MvcTestResult readiness = api.get(owner, PlanningRequests.CAMPAIGNS + "/" + campaignId + "/readiness");
        assertThat(readiness).hasStatusOk();
        return readiness;
    }

    private static <T> T field(MvcTestResult readiness, String key, String field) {
        List<T> values = Json.read(readiness, "$.items[?(@.key == '" + key + "')]." + field);
        assertThat(values).as("%s.%s", key, field).hasSize(1);
        return values.get(0);
    }

    /** A product launch far enough ahead, and long enough, that its plan fits, with its timeline generated. */
    private String plannedLaunch(String name) {
        LocalDate end = LocalDate.now(clock).plusMonths(6);
        String id = api.launch(owner, name, end.minusMonths(4), end);
        api.generated(owner, id, null);
        return id;
    }

    @Test
    void aCampaignWithoutATimelineGetsNoPlanningItems() {
        String id = api.launch(owner, "Unplanned", LocalDate.now(clock).plusMonths(1), LocalDate.now(clock).plusMonths(2));

        assertThat((List<String>) Json.read(readiness(id), "$.items[*].key"))
                .isNotEmpty().noneMatch(key -> key.startsWith("planning."));
    }

    @Test
    void aFreshPlanFitsAndIsOnTimeButItsCriticalTasksHaveNobody() {
        String id = plannedLaunch("Fresh plan");

        MvcTestResult readiness = readiness(id);

        List<Map<String, Object>> planning = Json.<List<Map<String, Object>>>read(readiness, "$.items").stream()
                .filter(item -> item.get("key").toString().startsWith("planning.")).toList();
        assertThat(planning).extracting(item -> item.get("key")).containsExactly(ASSIGNED, ON_TIME, FITS);
        assertThat(planning).extracting(item -> item.get("weight")).containsOnly(10);
        assertThat(planning).extracting(item -> item.get("blocking")).containsOnly(false);
        assertThat((Boolean) field(readiness, ASSIGNED, "done")).isFalse();
        assertThat((String) field(readiness, ASSIGNED, "reason")).containsPattern("\\d+ tasks on the critical path have nobody: ");
        assertThat((String) field(readiness, ASSIGNED, "fixLink")).isEqualTo("/campaigns/" + id + "/tasks?atRisk=true");
        assertThat((Boolean) field(readiness, ON_TIME, "done")).isTrue();
        assertThat((String) field(readiness, ON_TIME, "fixLink")).isEqualTo("/campaigns/" + id + "/tasks?overdue=true");
        assertThat((Boolean) field(readiness, FITS, "done")).isTrue();
        assertThat((String) field(readiness, FITS, "reason")).contains("by the end date");
        assertThat((String) field(readiness, FITS, "fixLink")).isEqualTo("/campaigns/" + id + "/timeline");
    }

    @Test
    void assigningTheCriticalTasksDoesTheItemAndRaisesTheScore() {
        String id = plannedLaunch("Staffed plan");
        int before = Json.read(readiness(id), "$.score");

        MvcTestResult critical = api.get(owner, PlanningRequests.CAMPAIGNS + "/" + id + "/timeline/critical-path");
        List<String> tasks = Json.read(critical, "$.items[?(@.kind == 'TASK')].id");
        assertThat(tasks).isNotEmpty();
        for (String task : tasks) {
            assertThat(api.put(owner, "/api/v1/tasks/" + task + "/assignee",
                    "{\"assigneeId\":\"" + owner.userId() + "\"}")).hasStatusOk();
        }

        MvcTestResult readiness = readiness(id);
        assertThat((Boolean) field(readiness, ASSIGNED, "done")).isTrue();
        assertThat((String) field(readiness, ASSIGNED, "reason")).isEqualTo("All " + tasks.size()
                + " open critical tasks have someone");
        assertThat((Integer) Json.read(readiness, "$.score")).isGreaterThan(before);
    }

    @Test
    void aCriticalTaskPastItsDueDateIsLate() {
        String id = plannedLaunch("Late plan");
        MvcTestResult critical = api.get(owner, PlanningRequests.CAMPAIGNS + "/" + id + "/timeline/critical-path");
        String title = Json.<List<String>>read(critical, "$.items[?(@.kind == 'TASK')].title").get(0);
        LocalDate due = LocalDate.parse(Json.<List<String>>read(critical, "$.items[?(@.kind == 'TASK')].finishDate").get(0));

        clock.advance(Duration.ofDays(due.toEpochDay() - LocalDate.now(clock).toEpochDay() + 1));

        MvcTestResult readiness = readiness(id);
        assertThat((Boolean) field(readiness, ON_TIME, "done")).isFalse();
        assertThat((String) field(readiness, ON_TIME, "reason")).contains("past its due date: " + title);
        assertThat((Boolean) field(readiness, ON_TIME, "blocking")).isFalse();
    }

    @Test
    void aPlanEndingAfterTheCampaignsEndDateDoesNotFit() {
        LocalDate end = LocalDate.now(clock).plusDays(10); // a product launch takes 39 working days and more
        String id = api.launch(owner, "Squeezed", null, end);
        api.generated(owner, id, null);

        MvcTestResult readiness = readiness(id);

        assertThat((Boolean) field(readiness, FITS, "done")).isFalse();
        assertThat((String) field(readiness, FITS, "reason")).contains("after the campaign's end date (" + end + ")");
        assertThat((Boolean) field(readiness, FITS, "blocking")).isFalse();
        // it does not block, but a launch must confirm it (campaigns names it in the launch confirmation)
        assertThat((Boolean) field(readiness, FITS, "warnsAtLaunch")).isTrue();
    }
}
