package io.flightdeck.planning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.TeamRequests.MEMBERS;
import static io.flightdeck.planning.TeamRequests.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk schedule updates: managers only, and all or nothing. */
@FlightdeckTest
@SuppressWarnings("unchecked")
class TeamSchedulesApiTests {

    static final String SCHEDULES = "/api/v1/team/schedules";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private TeamRequests api;
    private Member owner;
    private Member manager;
    private Member contributor;
    private Member writer;

    @BeforeEach
    void setUp() {
        api = new TeamRequests(mvc);
        owner = workspaces.workspace("Schedules");
        manager = workspaces.addMember(owner, Role.MANAGER);
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
    }

    private String body(List<UUID> ids, String rest) {
        String list = String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList());
        return "{\"memberIds\":[" + list + "]," + rest + "}";
    }

    @Test
    void aManagerGivesSeveralMembersTheSameSchedule() {
        api.profile(owner, writer, "{\"jobTitle\":\"Writer\",\"capacityPct\":70,\"skills\":{\"seo\":3}}");
        MvcTestResult updated = api.put(manager, SCHEDULES, body(List.of(contributor.userId(), writer.userId()),
                "\"weeklyHours\":{\"MONDAY\":4,\"TUESDAY\":4,\"WEDNESDAY\":4},\"timeZone\":\"America/New_York\""));
        assertThat(updated).hasStatusOk();
        assertThat((List<String>) Json.read(updated, "$[*].userId")).containsExactly(contributor.userId().toString(),
                writer.userId().toString());
        assertThat((List<String>) Json.read(updated, "$[*].timeZone")).containsOnly("America/New_York");
        assertThat((List<Double>) Json.read(updated, "$[*].weeklyHours.MONDAY")).containsOnly(4.0);
        assertThat((List<Double>) Json.read(updated, "$[*].weeklyHours.FRIDAY")).containsOnly(0.0);
        // capacity left out keeps each member's own; the rest of the profile is untouched
        assertThat((List<Integer>) Json.read(updated, "$[*].capacityPct")).containsExactly(100, 70);
        MvcTestResult writerNow = api.get(owner, MEMBERS + writer.userId());
        assertThat((String) Json.read(writerNow, "$.jobTitle")).isEqualTo("Writer");
        assertThat((Map<String, Integer>) Json.read(writerNow, "$.skills")).containsEntry("seo", 3);

        MvcTestResult capacity = api.put(manager, SCHEDULES, body(List.of(writer.userId()),
                "\"weeklyHours\":{\"MONDAY\":8},\"capacityPct\":25"));
        assertThat((List<Integer>) Json.read(capacity, "$[*].capacityPct")).containsExactly(25);
        assertThat((List<Double>) Json.read(capacity, "$[*].weeklyCapacityHours")).containsExactly(2.0);
    }

    @Test
    void oneBadValueChangesNobody() {
        UUID stranger = workspaces.workspace("Schedule stranger").userId();
        assertFieldError(api.put(manager, SCHEDULES, body(List.of(contributor.userId(), stranger),
                "\"weeklyHours\":{\"MONDAY\":2}")), "memberIds[1]");
        MvcTestResult named = api.put(manager, SCHEDULES, body(List.of(contributor.userId(), stranger),
                "\"weeklyHours\":{\"MONDAY\":2}"));
        assertThat((String) Json.read(named, "$.errors[0].message")).contains(stranger.toString());
        assertFieldError(api.put(manager, SCHEDULES, body(List.of(contributor.userId(), writer.userId()),
                "\"weeklyHours\":{\"MONDAY\":2,\"SUNDAY\":25}")), "weeklyHours.SUNDAY");
        assertFieldError(api.put(manager, SCHEDULES, body(List.of(contributor.userId()),
                "\"weeklyHours\":{\"MONDAY\":2},\"capacityPct\":120")), "capacityPct");
        assertFieldError(api.put(manager, SCHEDULES, body(List.of(contributor.userId()),
                "\"weeklyHours\":{\"MONDAY\":2},\"timeZone\":\"Nowhere/Else\"")), "timeZone");
        assertFieldError(api.put(manager, SCHEDULES, body(List.of(contributor.userId()), "\"capacityPct\":50")),
                "weeklyHours");
        assertFieldError(api.put(manager, SCHEDULES, body(List.of(), "\"weeklyHours\":{\"MONDAY\":2}")), "memberIds");

        MvcTestResult members = api.get(owner, "/api/v1/team/members");
        assertThat((List<Boolean>) Json.read(members, "$[*].customised")).containsOnly(false);
        assertThat((List<Double>) Json.read(members, "$[*].weeklyHours.MONDAY")).containsOnly(8.0);
    }

    @Test
    void onlyManagersChangeSchedulesInBulk() {
        assertThat(api.put(contributor, SCHEDULES, body(List.of(contributor.userId()), "\"weeklyHours\":{\"MONDAY\":2}")))
                .hasStatus(403);
        assertThat(api.put(owner, SCHEDULES, body(List.of(contributor.userId()), "\"weeklyHours\":{\"MONDAY\":2}")))
                .hasStatusOk();
    }
}
