package io.flightdeck.planning.workload;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.planning.TeamRequests;
import io.flightdeck.planning.TeamTestData;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.TeamRequests.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly workload on a crafted team, figures checked by hand. The weeks are those of 3 June 2030 (Monday) and
 * 10 June 2030.
 */
@FlightdeckTest
@SuppressWarnings("unchecked")
class TeamWorkloadTests {

    static final LocalDate MONDAY = LocalDate.parse("2030-06-03");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;
    @Autowired
    TeamWorkload teamWorkload;
    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    private TeamRequests api;
    private TeamTestData data;
    private Member owner;
    private Member contributor;
    private Member writer;
    private Member manager;
    private UUID campaign;

    @BeforeEach
    void setUp() {
        api = new TeamRequests(mvc);
        data = TeamTestData.of(context, mvc);
        // automatic timelines off: their listener would run on another thread while statements are counted
        owner = new PlanningRequests(mvc).workspace(workspaces, "Workload");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        manager = workspaces.addMember(owner, Role.MANAGER);
        workspaces.addMember(owner, Role.VIEWER);
        campaign = data.campaign(owner, "Workload campaign");
    }

    private MvcTestResult workload(String query) {
        MvcTestResult result = api.get(owner, "/api/v1/team/workload" + query);
        assertThat(result).hasStatusOk();
        return result;
    }

    private static String row(Member member) {
        return "$.members[?(@.userId == '" + member.userId() + "')]";
    }

    @Test
    void aTaskSpanningTwoWeeksSplitsItsEstimateOverItsWorkingDays() {
        // Thursday to the next Tuesday: Thu, Fri | Mon, Tue = 4 working days, 4 h each
        data.task(owner, campaign, "Landing page", 16, LocalDate.parse("2030-06-06"), LocalDate.parse("2030-06-11"),
                contributor.userId());
        MvcTestResult result = workload("?from=2030-06-05&weeks=2"); // any day picks its week's Monday

        assertThat((String) Json.read(result, "$.from")).isEqualTo("2030-06-03");
        assertThat((String) Json.read(result, "$.to")).isEqualTo("2030-06-16");
        assertThat((List<String>) Json.read(result, "$.weeks[*].label")).containsExactly("W23", "W24");
        assertThat((List<Double>) Json.read(result, row(contributor) + ".weeks[*].assignedHours")).containsExactly(8.0, 8.0);
        assertThat((List<Double>) Json.read(result, row(contributor) + ".weeks[*].availableHours")).containsExactly(40.0, 40.0);
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".weeks[*].utilisationPct")).containsExactly(20, 20);
        assertThat((List<String>) Json.read(result, row(contributor) + ".weeks[*].band")).containsExactly("low", "low");
        assertThat((List<Double>) Json.read(result, row(contributor) + ".totals.assignedHours")).containsExactly(16.0);
        assertThat((List<Double>) Json.read(result, row(contributor) + ".totals.availableHours")).containsExactly(80.0);

        // the same task seen from one week only
        MvcTestResult second = workload("?from=2030-06-10&weeks=1");
        assertThat((List<Double>) Json.read(second, row(contributor) + ".weeks[*].assignedHours")).containsExactly(8.0);
    }

    @Test
    void availabilityFollowsTimeOffHolidaysAndCapacity() {
        data.task(owner, campaign, "Landing page", 16, LocalDate.parse("2030-06-06"), LocalDate.parse("2030-06-11"),
                contributor.userId());
        assertThat(api.timeOff(contributor, contributor, "2030-06-10", "2030-06-11")).hasStatus(201);
        data.holidays(owner, LocalDate.parse("2030-06-14"));
        api.profile(owner, writer, "{\"capacityPct\":50}");

        MvcTestResult result = workload("?from=2030-06-03&weeks=2");
        // week 2: 40 h less Monday and Tuesday off and the Friday holiday; the holiday also leaves the task's days
        // as Thu, Fri, Mon, Tue, so its split does not change
        assertThat((List<Double>) Json.read(result, row(contributor) + ".weeks[*].availableHours")).containsExactly(40.0, 16.0);
        assertThat((List<Double>) Json.read(result, row(contributor) + ".weeks[*].assignedHours")).containsExactly(8.0, 8.0);
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".weeks[*].utilisationPct")).containsExactly(20, 50);
        assertThat((List<String>) Json.read(result, row(contributor) + ".weeks[*].band")).containsExactly("low", "medium");
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".totals.utilisationPct")).containsExactly(29);
        assertThat((List<Double>) Json.read(result, row(writer) + ".weeks[*].availableHours")).containsExactly(20.0, 16.0);
    }

    @Test
    void moreWorkThanHoursIsOverAllocated() {
        data.task(owner, campaign, "Big rewrite", 50, MONDAY, LocalDate.parse("2030-06-07"), writer.userId());
        data.task(owner, campaign, "Brief", 4, MONDAY, MONDAY, manager.userId());
        api.profile(owner, manager, "{\"capacityPct\":0}");
        data.task(owner, campaign, "Near full", 36, MONDAY, LocalDate.parse("2030-06-07"), contributor.userId());
        // not counted: done, cancelled, unassigned, outside the window
        UUID done = data.task(owner, campaign, "Done", 30, MONDAY, MONDAY, contributor.userId());
        data.complete(owner, done, null, java.time.Instant.now());
        UUID cancelled = data.task(owner, campaign, "Cancelled", 30, MONDAY, MONDAY, contributor.userId());
        data.cancel(owner, cancelled);
        data.task(owner, campaign, "Nobody's", 30, MONDAY, MONDAY, null);
        data.task(owner, campaign, "Later", 30, LocalDate.parse("2030-07-01"), LocalDate.parse("2030-07-02"),
                contributor.userId());

        MvcTestResult result = workload("?from=2030-06-03&weeks=1");
        assertThat((List<Double>) Json.read(result, row(writer) + ".weeks[0].assignedHours")).containsExactly(50.0);
        assertThat((List<Integer>) Json.read(result, row(writer) + ".weeks[0].utilisationPct")).containsExactly(125);
        assertThat((List<Boolean>) Json.read(result, row(writer) + ".weeks[0].overAllocated")).containsExactly(true);
        assertThat((List<String>) Json.read(result, row(writer) + ".weeks[0].band")).containsExactly("over");
        assertThat((List<Integer>) Json.read(result, row(writer) + ".overAllocatedWeeks")).containsExactly(1);

        // no hours at all but work: over-allocated, with no utilisation figure
        assertThat((List<Double>) Json.read(result, row(manager) + ".weeks[0].availableHours")).containsExactly(0.0);
        assertThat((List<Boolean>) Json.read(result, row(manager) + ".weeks[0].overAllocated")).containsExactly(true);
        assertThat((List<Object>) Json.read(result, row(manager) + ".weeks[0].utilisationPct")).containsExactly((Object) null);

        assertThat((List<Double>) Json.read(result, row(contributor) + ".weeks[0].assignedHours")).containsExactly(36.0);
        assertThat((List<String>) Json.read(result, row(contributor) + ".weeks[0].band")).containsExactly("high");
        assertThat((List<Boolean>) Json.read(result, row(contributor) + ".weeks[0].overAllocated")).containsExactly(false);

        assertThat((List<String>) Json.read(result, row(owner) + ".weeks[0].band")).containsExactly("low");
        assertThat((Double) Json.read(result, "$.totals.assignedHours")).isEqualTo(90.0);
        assertThat((Double) Json.read(result, "$.totals.availableHours")).isEqualTo(120.0);
        // viewers take no work and are not listed
        assertThat((List<?>) Json.read(result, "$.members")).hasSize(4);
    }

    @Test
    void theDefaultIsEightWeeksFromThisWeeksMondayAndAtMost26() {
        MvcTestResult result = workload("");
        LocalDate monday = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat((String) Json.read(result, "$.from")).isEqualTo(monday.toString());
        assertThat((List<?>) Json.read(result, "$.weeks")).hasSize(8);
        assertThat(workload("?weeks=26")).hasStatusOk();
        assertFieldError(api.get(owner, "/api/v1/team/workload?weeks=27"), "weeks");
        assertFieldError(api.get(owner, "/api/v1/team/workload?weeks=0"), "weeks");
        assertThat(api.get(owner, "/api/v1/team/workload?from=yesterday")).hasStatus(400);
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithTheTeamOrTheWeeks() {
        data.task(owner, campaign, "One", 8, MONDAY, MONDAY, contributor.userId());
        long small = statements(() -> teamWorkload.workload(MONDAY, 1));

        for (int i = 0; i < 3; i++) {
            Member extra = workspaces.addMember(owner, Role.CONTRIBUTOR);
            api.profile(owner, extra, "{\"capacityPct\":80}");
            assertThat(api.timeOff(owner, extra, "2030-06-04", "2030-06-05")).hasStatus(201);
            data.task(owner, campaign, "Task " + i, 12, MONDAY, LocalDate.parse("2030-07-05"), extra.userId());
        }
        long large = statements(() -> teamWorkload.workload(MONDAY, 26));
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(6);
    }

    /**
     * Statements Hibernate prepared while {@code work} ran as the owner. The statistics are global, so listeners
     * running meanwhile on other threads (the scheduler's sweeps) can only add to a count: the least of five runs is
     * the work's own.
     */
    private long statements(Runnable work) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            least = Math.min(least, countStatements(work));
        }
        return least;
    }

    private long countStatements(Runnable work) {
        org.hibernate.stat.Statistics statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class)
                .getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            workspaces.as(owner, () -> {
                work.run();
                return null;
            });
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void anotherWorkspacesTasksNeverShow() {
        Member stranger = workspaces.workspace("Workload stranger");
        UUID theirs = data.campaign(stranger, "Theirs");
        data.task(stranger, theirs, "Their task", 20, MONDAY, MONDAY, stranger.userId());
        MvcTestResult result = workload("?from=2030-06-03&weeks=1");
        assertThat((Double) Json.read(result, "$.totals.assignedHours")).isZero();
        assertThat((List<String>) Json.read(result, "$.members[*].userId")).doesNotContain(stranger.userId().toString());
    }
}
