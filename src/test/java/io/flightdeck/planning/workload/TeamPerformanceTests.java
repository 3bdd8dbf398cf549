package io.flightdeck.planning.workload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.TeamRequests;
import io.flightdeck.planning.TeamTestData;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.TeamRequests.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivery figures on crafted completed tasks: on-time rate, throughput, cycle time, utilisation, the window. */
@FlightdeckTest
@SuppressWarnings("unchecked")
class TeamPerformanceTests {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;

    private TeamRequests api;
    private TeamTestData data;
    private Member owner;
    private Member contributor;
    private Member writer;
    private UUID campaign;

    @BeforeEach
    void setUp() {
        api = new TeamRequests(mvc);
        data = TeamTestData.of(context, mvc);
        owner = workspaces.workspace("Performance");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = data.campaign(owner, "Performance campaign");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private UUID completed(Member assignee, LocalDate due, Instant started, Instant done) {
        UUID task = data.task(owner, campaign, "Done task", 4, null, due, assignee.userId());
        data.complete(owner, task, started, done);
        return task;
    }

    private static String row(Member member) {
        return "$.members[?(@.userId == '" + member.userId() + "')]";
    }

    @Test
    void figuresPerMemberAndForTheTeam() {
        Instant now = clock.instant();
        LocalDate today = date(now);
        // contributor: on time (2 days), late (3 days), no due date and never started, and one before the window
        completed(contributor, today.plusDays(5), now.minus(DAY.multipliedBy(10)), now.minus(DAY.multipliedBy(8)));
        completed(contributor, date(now.minus(DAY.multipliedBy(5))), now.minus(DAY.multipliedBy(6)), now.minus(DAY.multipliedBy(3)));
        completed(contributor, null, null, now.minus(DAY));
        completed(contributor, today, now.minus(DAY.multipliedBy(22)), now.minus(DAY.multipliedBy(20)));
        // writer: done on the due date itself, after half a day
        Instant writerDone = now.minus(DAY.multipliedBy(2));
        completed(writer, date(writerDone), writerDone.minus(Duration.ofHours(12)), writerDone);
        // utilisation: a 20 h open task over the whole window counts, a cancelled one does not
        LocalDate from = today.minusDays(13);
        data.task(owner, campaign, "Open work", 20, from, today, contributor.userId());
        data.cancel(owner, data.task(owner, campaign, "Dropped", 30, from, today, contributor.userId()));

        MvcTestResult result = api.get(owner, "/api/v1/team/performance?weeks=2");
        assertThat(result).hasStatusOk();
        assertThat((String) Json.read(result, "$.from")).isEqualTo(from.toString());
        assertThat((String) Json.read(result, "$.to")).isEqualTo(today.toString());

        assertThat((List<Integer>) Json.read(result, row(contributor) + ".completed")).containsExactly(3);
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".withDueDate")).containsExactly(2);
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".onTime")).containsExactly(1);
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".onTimeRatePct")).containsExactly(50);
        assertThat((List<Double>) Json.read(result, row(contributor) + ".throughputPerWeek")).containsExactly(1.5);
        assertThat((List<Double>) Json.read(result, row(contributor) + ".averageCycleDays")).containsExactly(2.5);
        // 2 weeks are always 10 working days: 80 h at the default 8 h a day
        assertThat((List<Double>) Json.read(result, row(contributor) + ".availableHours")).containsExactly(80.0);
        assertThat((List<Double>) Json.read(result, row(contributor) + ".assignedHours")).containsExactly(20.0);
        assertThat((List<Integer>) Json.read(result, row(contributor) + ".utilisationPct")).containsExactly(25);

        assertThat((List<Integer>) Json.read(result, row(writer) + ".onTimeRatePct")).containsExactly(100);
        assertThat((List<Double>) Json.read(result, row(writer) + ".throughputPerWeek")).containsExactly(0.5);
        assertThat((List<Double>) Json.read(result, row(writer) + ".averageCycleDays")).containsExactly(0.5);

        assertThat((List<Object>) Json.read(result, row(owner) + ".onTimeRatePct")).containsExactly((Object) null);
        assertThat((List<Object>) Json.read(result, row(owner) + ".averageCycleDays")).containsExactly((Object) null);

        assertThat((Integer) Json.read(result, "$.totals.completed")).isEqualTo(4);
        assertThat((Integer) Json.read(result, "$.totals.onTimeRatePct")).isEqualTo(67);
        assertThat((Double) Json.read(result, "$.totals.throughputPerWeek")).isEqualTo(2.0);
        assertThat((Double) Json.read(result, "$.totals.averageCycleDays")).isEqualTo(1.8); // (2 + 3 + 0.5) / 3
        assertThat((Double) Json.read(result, "$.totals.availableHours")).isEqualTo(240.0);
        assertThat((Integer) Json.read(result, "$.totals.utilisationPct")).isEqualTo(8);

        // a wider window takes in the older task too
        MvcTestResult month = api.get(owner, "/api/v1/team/performance?weeks=4");
        assertThat((List<Integer>) Json.read(month, row(contributor) + ".completed")).containsExactly(4);
        assertThat((List<Double>) Json.read(month, row(contributor) + ".throughputPerWeek")).containsExactly(1.0);
    }

    @Test
    void theWindowMovesWithTheClock() {
        Instant now = clock.instant();
        completed(contributor, date(now), now.minus(DAY), now);
        assertThat((Integer) Json.read(api.get(owner, "/api/v1/team/performance?weeks=1"), "$.totals.completed"))
                .isEqualTo(1);

        clock.advance(Duration.ofDays(8));
        MvcTestResult later = api.get(owner, "/api/v1/team/performance?weeks=1");
        assertThat((Integer) Json.read(later, "$.totals.completed")).isZero();
        assertThat((Object) Json.read(later, "$.totals.onTimeRatePct")).isNull();
        assertThat((Integer) Json.read(api.get(owner, "/api/v1/team/performance"), "$.weeks")).isEqualTo(12);
    }

    @Test
    void weeksAreBounded() {
        assertThat(api.get(owner, "/api/v1/team/performance?weeks=52")).hasStatusOk();
        assertFieldError(api.get(owner, "/api/v1/team/performance?weeks=53"), "weeks");
        assertFieldError(api.get(owner, "/api/v1/team/performance?weeks=0"), "weeks");
    }
}
