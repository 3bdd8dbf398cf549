package io.flightdeck.planning;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.TeamRequests.MEMBERS;
import static io.flightdeck.planning.TeamRequests.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

/** Time off (rules, overlaps, who may add and remove it) and availability per day. */
@FlightdeckTest
@SuppressWarnings("unchecked")
class TeamTimeOffApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;

    private TeamRequests api;
    private Member owner;
    private Member manager;
    private Member contributor;
    private Member viewer;

    @BeforeEach
    void setUp() {
        api = new TeamRequests(mvc);
        owner = workspaces.workspace("Time off");
        manager = workspaces.addMember(owner, Role.MANAGER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @Test
    void aMemberAddsListsAndRemovesTheirTimeOff() {
        MvcTestResult added = api.timeOff(contributor, contributor, "2030-06-03", "2030-06-07");
        assertThat(added).hasStatus(201);
        String id = Json.read(added, "$.id");
        assertThat(added.getResponse().getHeader("Location")).isEqualTo("/api/v1/team/time-off/" + id);
        assertThat((Integer) Json.read(added, "$.days")).isEqualTo(5);
        assertThat((String) Json.read(added, "$.reason")).isEqualTo("Holiday");

        assertThat(api.timeOff(manager, contributor, "2030-05-01", "2030-05-02")).hasStatus(201);
        MvcTestResult list = api.get(viewer, MEMBERS + contributor.userId() + "/time-off");
        assertThat((List<String>) Json.read(list, "$[*].startsOn")).containsExactly("2030-05-01", "2030-06-03");
        assertThat(api.get(viewer, "/api/v1/team/time-off/" + id)).hasStatusOk();

        assertThat(api.delete(contributor, "/api/v1/team/time-off/" + id)).hasStatus(204);
        assertThat(api.get(viewer, "/api/v1/team/time-off/" + id)).hasStatus(404);
        assertThat((List<String>) Json.read(api.get(viewer, MEMBERS + contributor.userId() + "/time-off"),
                "$[*].startsOn")).containsExactly("2030-05-01");
    }

    @Test
    void overlappingTimeOffIsAConflict() {
        assertThat(api.timeOff(contributor, contributor, "2030-06-03", "2030-06-07")).hasStatus(201);
        for (String[] clash : List.of(new String[] {"2030-06-07", "2030-06-10"}, new String[] {"2030-05-30", "2030-06-03"},
                new String[] {"2030-06-04", "2030-06-05"}, new String[] {"2030-06-01", "2030-06-30"})) {
            MvcTestResult refused = api.timeOff(manager, contributor, clash[0], clash[1]);
            assertThat(refused).as("%s..%s", clash[0], clash[1]).hasStatus(409)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) Json.read(refused, "$.type")).endsWith("/time-off-overlaps");
            assertThat((String) Json.read(refused, "$.overlappingStartsOn")).isEqualTo("2030-06-03");
        }
        // the days either side are free, and someone else's time off never clashes
        assertThat(api.timeOff(manager, contributor, "2030-06-08", "2030-06-09")).hasStatus(201);
        assertThat(api.timeOff(manager, contributor, "2030-06-01", "2030-06-02")).hasStatus(201);
        assertThat(api.timeOff(manager, manager, "2030-06-03", "2030-06-07")).hasStatus(201);
    }

    @Test
    void everyProblemOfOneEntryIsListed() {
        MvcTestResult refused = api.post(contributor, MEMBERS + contributor.userId() + "/time-off",
                "{\"endsOn\":\"2030-01-01\",\"reason\":\"" + "r".repeat(201) + "\"}");
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactlyInAnyOrder("startsOn", "reason");
    }

    @Test
    void badRangesAreRefusedNamingTheField() {
        String tomorrow = today().plusDays(1).toString();
        String yesterday = today().minusDays(1).toString();
        assertFieldError(api.timeOff(contributor, contributor, "2030-06-07", "2030-06-03"), "endsOn");
        assertFieldError(api.timeOff(contributor, contributor, "2030-01-01", "2031-01-02"), "endsOn");
        assertFieldError(api.timeOff(contributor, contributor, today().minusDays(5).toString(), yesterday), "endsOn");
        assertFieldError(api.post(contributor, MEMBERS + contributor.userId() + "/time-off", "{\"endsOn\":\"2030-01-01\"}"),
                "startsOn");
        assertFieldError(api.post(contributor, MEMBERS + contributor.userId() + "/time-off",
                "{\"startsOn\":\"2030-01-01\",\"endsOn\":\"2030-01-01\",\"reason\":\"" + "x".repeat(201) + "\"}"), "reason");
        // a full leap year is fine, and so is time off that has begun but not ended
        assertThat(api.timeOff(contributor, contributor, "2032-01-01", "2032-12-31")).hasStatus(201);
        assertThat(api.timeOff(contributor, contributor, yesterday, tomorrow)).hasStatus(201);
        assertThat(api.post(contributor, MEMBERS + contributor.userId() + "/time-off", "{\"startsOn\":\"soon\"}"))
                .hasStatus(400);
    }

    @Test
    void rolesDecideWhoKeepsWhoseTimeOff() {
        String managers = Json.read(api.timeOff(manager, manager, "2030-06-03", "2030-06-07"), "$.id");
        assertThat(api.timeOff(contributor, manager, "2030-07-01", "2030-07-02")).hasStatus(403);
        assertThat(api.delete(contributor, "/api/v1/team/time-off/" + managers)).hasStatus(403);
        assertThat(api.timeOff(viewer, viewer, "2030-07-01", "2030-07-02")).hasStatus(403);
        assertThat(api.delete(viewer, "/api/v1/team/time-off/" + managers)).hasStatus(403);
        assertThat(api.delete(owner, "/api/v1/team/time-off/" + managers)).hasStatus(204);
        assertThat(api.timeOff(manager, viewer, "2030-07-01", "2030-07-02")).hasStatus(201);
    }

    @Test
    void anotherWorkspaceSeesNoneOfIt() {
        Member stranger = workspaces.workspace("Time off stranger");
        String id = Json.read(api.timeOff(contributor, contributor, "2030-06-03", "2030-06-07"), "$.id");
        assertThat(api.get(stranger, "/api/v1/team/time-off/" + id)).hasStatus(404);
        assertThat(api.delete(stranger, "/api/v1/team/time-off/" + id)).hasStatus(404);
        assertThat(api.get(stranger, MEMBERS + contributor.userId() + "/time-off")).hasStatus(404);
        assertThat(api.timeOff(stranger, contributor, "2030-08-01", "2030-08-02")).hasStatus(404);
        assertThat(api.get(stranger, MEMBERS + contributor.userId() + "/availability")).hasStatus(404);
        assertThat(api.get(owner, MEMBERS + stranger.userId() + "/availability")).hasStatus(404);
        assertThat(api.get(viewer, "/api/v1/team/time-off/" + id)).hasStatusOk();
    }

    @Test
    void availabilitySkipsWeekendsHolidaysAndTimeOff() {
        api.profile(manager, contributor, """
                {"weeklyHours":{"MONDAY":8,"TUESDAY":6,"WEDNESDAY":8,"THURSDAY":8,"FRIDAY":4,"SATURDAY":5},
                 "capacityPct":50}""");
        TeamTestData.of(context, mvc).holidays(owner, LocalDate.parse("2030-06-05"));
        assertThat(api.timeOff(contributor, contributor, "2030-06-11", "2030-06-12")).hasStatus(201);

        MvcTestResult days = api.get(viewer, MEMBERS + contributor.userId() + "/availability?from=2030-06-03&to=2030-06-16");
        assertThat(days).hasStatusOk();
        assertThat((List<Double>) Json.read(days, "$.days[*].hours")).containsExactly(
                4.0, 3.0, 0.0, 4.0, 2.0, 0.0, 0.0,
                4.0, 0.0, 0.0, 4.0, 2.0, 0.0, 0.0);
        assertThat((List<String>) Json.read(days, "$.days[*].off")).containsExactly(
                null, null, "holiday", null, null, "weekend", "weekend",
                null, "time-off", "time-off", null, null, "weekend", "weekend");
        assertThat((Double) Json.read(days, "$.totalHours")).isEqualTo(23.0);
        assertThat((String) Json.read(days, "$.days[0].weekday")).isEqualTo("MONDAY");
    }

    @Test
    void availabilityCoversAtMost92Days() {
        String path = MEMBERS + contributor.userId() + "/availability";
        assertThat(api.get(viewer, path + "?from=2030-01-01&to=2030-04-02")).hasStatusOk(); // 92 days
        assertFieldError(api.get(viewer, path + "?from=2030-01-01&to=2030-04-03"), "to");
        assertFieldError(api.get(viewer, path + "?from=2030-01-02&to=2030-01-01"), "to");
        MvcTestResult fallback = api.get(viewer, path);
        assertThat((String) Json.read(fallback, "$.from")).isEqualTo(today().toString());
        assertThat((List<?>) Json.read(fallback, "$.days")).hasSize(14);
    }
}
