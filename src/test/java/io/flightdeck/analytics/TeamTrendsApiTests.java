package io.flightdeck.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team's trends on numbers worked out by hand over three past weeks (5 to 25 October 2026). Tasks are made and
 * moved through the planning API; their creation and completion instants are then set back to those weeks, since the
 * API stamps them with today. Another workspace's tasks never count; a viewer reads; bad ranges are refused.
 */
@FlightdeckTest
class TeamTrendsApiTests {

    private static final String RANGE = "/api/v1/analytics/team?from=2026-10-05&to=2026-10-21";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void weeksCountCompletionsOnTimeAndLateOverdueAndUtilisation() {
        Member owner = workspaces.withoutApprovals("Team trends");
        Member writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Autumn push");
        // owner: A 12 h over 5-7 Oct, done 7 Oct (on time); B 6 h over 6-8 Oct, done 13 Oct (late)
        task(owner, campaign, "A", "2026-10-05", "2026-10-07", 12, owner, "2026-10-07T15:00:00Z");
        task(owner, campaign, "B", "2026-10-06", "2026-10-08", 6, owner, "2026-10-13T09:00:00Z");
        // owner: C 9 h over 12-14 Oct, still open; D 8 h over 20-25 Oct (four working days), created 20 Oct, open
        task(owner, campaign, "C", "2026-10-12", "2026-10-14", 9, owner, null);
        String d = task(owner, campaign, "D", "2026-10-20", "2026-10-25", 8, owner, null);
        jdbc.sql("update tasks set created_at = ? where id = ?").params(at("2026-10-20T10:00:00Z"), UUID.fromString(d))
                .update();
        // nobody's: E open, due after the range
        task(owner, campaign, "E", "2026-10-19", "2026-11-30", 4, null, null);
        // the writer: K 50 h over 5-9 Oct, done 9 Oct (on time): more work than their 40 hours that week
        task(owner, campaign, "K", "2026-10-05", "2026-10-09", 50, writer, "2026-10-09T12:00:00Z");
        // a cancelled task due in the first week counts nowhere
        String f = task(owner, campaign, "F", "2026-10-05", "2026-10-07", 20, owner, null);
        assertThat(api.as(owner).post("/api/v1/tasks/" + f + "/status", Map.of("status", "CANCELLED")))
                .hasStatusOk();

        // another workspace's done task in the same week
        Member other = workspaces.withoutApprovals("Other team");
        String elsewhere = campaigns.create(other, "Theirs");
        task(other, elsewhere, "X", "2026-10-05", "2026-10-07", 30, other, "2026-10-07T10:00:00Z");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MvcTestResult trends = api.as(viewer).get(RANGE);
        assertThat(trends).hasStatusOk();
        assertThat((String) Json.read(trends, "$.from")).isEqualTo("2026-10-05");
        assertThat((String) Json.read(trends, "$.to")).isEqualTo("2026-10-25");
        assertThat((String) Json.read(trends, "$.timeZone")).isEqualTo("UTC");
        // week: completed, on time, late, became due, open at end, overdue at end
        assertThat(weeks(trends)).containsExactly(
                "2026-10-05 2 2 0 3 3 1", // A, K done; A, B, K due; B, C, E open; B overdue
                "2026-10-12 1 0 1 1 2 1", // B done late; C due; C, E open; C overdue
                "2026-10-19 0 0 0 1 3 2"); // D due; C, D, E open; C and D (due Sunday) overdue
        // team: assigned of available, %, over; over-allocated members
        assertThat(utilisation(trends)).containsExactly(
                "2026-10-05 68.0/80.0 85 false 1",
                "2026-10-12 9.0/80.0 11 false 0",
                "2026-10-19 8.0/80.0 10 false 0");
        List<Map<String, Object>> first = Json.read(trends, "$.utilisation[0].members");
        Map<String, String> byName = new HashMap<>();
        first.forEach(m -> byName.put((String) m.get("displayName"), m.get("assignedHours") + "/"
                + m.get("availableHours") + " " + m.get("utilisationPct") + " " + m.get("overAllocated")));
        assertThat(byName).containsEntry("Owner of Team trends", "18.0/40.0 45 false")
                .containsEntry("A Contributor", "50.0/40.0 125 true").hasSize(2);
        assertThat((List<Object>) Json.read(trends, "$.utilisation[1].members[?(@.displayName == 'Owner of Team trends')]"
                + ".utilisationPct")).containsExactly(23); // 9 of 40 hours: 22.5 rounds up

        MvcTestResult theirs = api.as(other).get(RANGE);
        assertThat(weeks(theirs)).containsExactly("2026-10-05 1 1 0 1 0 0", "2026-10-12 0 0 0 0 0 0",
                "2026-10-19 0 0 0 0 0 0");
        assertThat(utilisation(theirs).get(0)).isEqualTo("2026-10-05 30.0/40.0 75 false 0");
    }

    @Test
    void weeksAreCutInTheWorkspacesTimeZone() {
        Member owner = workspaces.withoutApprovals("Berlin team");
        jdbc.sql("update workspaces set time_zone = 'Europe/Berlin' where id = ?").param(owner.workspaceId()).update();
        String campaign = campaigns.create(owner, "Late night");
        // due Sunday 11 Oct, done at 00:30 on Monday 12 Oct in Berlin (22:30 UTC on the Sunday): late, in the next week
        task(owner, campaign, "N", "2026-10-05", "2026-10-11", 5, owner, "2026-10-11T22:30:00Z");
        MvcTestResult trends = api.as(owner).get("/api/v1/analytics/team?from=2026-10-05&to=2026-10-12");
        assertThat(trends).hasStatusOk();
        assertThat((String) Json.read(trends, "$.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(weeks(trends)).containsExactly("2026-10-05 0 0 0 1 1 1", "2026-10-12 1 0 1 0 0 0");
    }

    @Test
    void badRangesAreRefused() {
        Member owner = workspaces.withoutApprovals("Team ranges");
        String base = "/api/v1/analytics/team";
        assertThat(api.as(owner).get(base + "?from=2026-10-21&to=2026-10-05")).hasStatus(400);
        assertThat((String) Json.read(api.as(owner).get(base + "?from=2026-10-21&to=2026-10-05"),
                "$.errors[0].field")).isEqualTo("from");
        assertThat(api.as(owner).get(base + "?from=2025-06-02&to=2026-06-08")).hasStatus(400); // 54 weeks
        assertThat(api.as(owner).get(base + "?from=2025-06-09&to=2026-06-08")).hasStatusOk(); // 53 weeks
        String nextWeek = LocalDate.now(ZoneOffset.UTC).plusWeeks(1).toString();
        assertThat(api.as(owner).get(base + "?to=" + nextWeek)).hasStatus(400);
        assertThat(api.as(owner).get(base + "?from=yesterday")).hasStatus(400);
        MvcTestResult defaults = api.as(owner).get(base);
        assertThat(defaults).hasStatusOk();
        assertThat((List<?>) Json.read(defaults, "$.tasks")).hasSize(12);
        assertThat((List<?>) Json.read(defaults, "$.utilisation")).hasSize(12);
    }

    /** A task through the API, assigned and done when asked, created on 1 October and done at {@code doneAt}. */
    private String task(Member as, String campaign, String title, String start, String due, double hours,
            Member assignee, String doneAt) {
        MvcTestResult created = api.as(as).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title,
                "startDate", start, "dueDate", due, "estimateHours", hours));
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");
        if (assignee != null) {
            assertThat(api.as(as).put("/api/v1/tasks/" + id + "/assignee",
                    Map.of("assigneeId", assignee.userId().toString()))).hasStatusOk();
        }
        if (doneAt != null) {
            assertThat(api.as(as).post("/api/v1/tasks/" + id + "/status", Map.of("status", "IN_PROGRESS")))
                    .hasStatusOk();
            assertThat(api.as(as).post("/api/v1/tasks/" + id + "/status", Map.of("status", "DONE"))).hasStatusOk();
            jdbc.sql("update tasks set completed_at = ? where id = ?").params(at(doneAt), UUID.fromString(id))
                    .update();
        }
        jdbc.sql("update tasks set created_at = ? where id = ?").params(at("2026-10-01T08:00:00Z"),
                UUID.fromString(id)).update();
        return id;
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private static List<String> weeks(MvcTestResult result) {
        List<Map<String, Object>> weeks = Json.read(result, "$.tasks");
        return weeks.stream().map(w -> w.get("weekStart") + " " + w.get("completed") + " " + w.get("completedOnTime")
                + " " + w.get("completedLate") + " " + w.get("becameDue") + " " + w.get("openAtEnd") + " "
                + w.get("overdueAtEnd")).toList();
    }

    private static List<String> utilisation(MvcTestResult result) {
        List<Map<String, Object>> weeks = Json.read(result, "$.utilisation");
        return weeks.stream().map(w -> w.get("weekStart") + " " + w.get("assignedHours") + "/"
                + w.get("availableHours") + " " + w.get("utilisationPct") + " " + w.get("overAllocated") + " "
                + w.get("overAllocatedMembers")).toList();
    }
}
