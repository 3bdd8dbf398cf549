package io.flightdeck.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team trends page says what the API says: a week's completions, due, open and overdue counts and utilisation,
 * and each member's hours in the latest week; with nothing in the weeks it says so; a range it cannot show is said
 * above the default weeks. The Analytics page links to it.
 */
@FlightdeckTest
class TeamTrendsPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageShowsTheWeeksAndTheMembers() {
        Member owner = workspaces.withoutApprovals("Trends page");
        String campaign = campaigns.create(owner, "Autumn push");
        // 12 hours over 5-7 October, done on the 7th: on time; 12 of the owner's 40 hours that week
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", "Brief",
                "startDate", "2026-10-05", "dueDate", "2026-10-07", "estimateHours", 12));
        String id = Json.read(created, "$.id");
        assertThat(api.as(owner).put("/api/v1/tasks/" + id + "/assignee",
                Map.of("assigneeId", owner.userId().toString()))).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/tasks/" + id + "/status", Map.of("status", "IN_PROGRESS")))
                .hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/tasks/" + id + "/status", Map.of("status", "DONE"))).hasStatusOk();
        jdbc.sql("update tasks set created_at = ?, completed_at = ? where id = ?").params(
                Instant.parse("2026-10-01T08:00:00Z").atOffset(ZoneOffset.UTC),
                Instant.parse("2026-10-07T15:00:00Z").atOffset(ZoneOffset.UTC), UUID.fromString(id)).update();

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/analytics")).contains("href=\"/analytics/team\"");
        String page = web.page(viewer, "/analytics/team?from=2026-10-05&to=2026-10-05");
        assertThat(page).contains("<h1>Team trends</h1>", "Week by week", "<th scope=\"row\">5 Oct 2026</th>",
                "<td>1</td>", "12 h of 40 h", "30 %", "Members this week", "Owner of Trends page")
                .doesNotContain("No tasks were completed");

        String empty = web.page(viewer, "/analytics/team?from=2026-09-07&to=2026-09-13");
        assertThat(empty).contains("No tasks were completed, due or open in these weeks").doesNotContain("Week by week");

        assertThat(mvc.get().uri("/analytics/team?from=2026-10-21&to=2026-10-05").session(viewer).exchange())
                .hasStatus(400).bodyText().contains("The range starts after it ends", "Showing the last 12 weeks");
    }
}
