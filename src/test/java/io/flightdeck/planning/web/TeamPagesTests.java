package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.planning.TeamRequests;
import io.flightdeck.planning.TeamTestData;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The team pages through MockMvc: heat map, navigation, profile form errors, time off, bulk schedules, roles. */
@FlightdeckTest
class TeamPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    ApplicationContext context;

    private TeamRequests api;
    private TeamTestData data;
    private Member owner;
    private Member contributor;
    private Member writer;
    private Member viewer;

    @BeforeEach
    void setUp() {
        api = new TeamRequests(mvc);
        data = TeamTestData.of(context, mvc);
        owner = workspaces.workspace("Team pages");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
    }

    @Test
    void theHeatMapShowsHoursPerWeekInTheirBands() {
        UUID campaign = data.campaign(owner, "Heat map");
        data.task(owner, campaign, "Landing page", 16, LocalDate.parse("2030-06-06"), LocalDate.parse("2030-06-11"),
                contributor.userId());
        data.task(owner, campaign, "Big rewrite", 50, LocalDate.parse("2030-06-03"), LocalDate.parse("2030-06-07"),
                writer.userId());
        data.task(owner, campaign, "Busy week", 36, LocalDate.parse("2030-06-10"), LocalDate.parse("2030-06-14"),
                writer.userId());
        api.profile(owner, owner, "{\"jobTitle\":\"Head of marketing\",\"skills\":{\"seo\":4}}");

        String page = page(signIn(viewer), "/team?from=2030-06-03");
        assertThat(page).contains("<h1>Team</h1>").contains("id=\"team-heatmap\"").contains("W23").contains("W24")
                .contains("3 Jun")
                // contributor: 8 of 40 h in both weeks, under 50 %
                .containsPattern("class=\"heat heat-low\"[^>]*>\\s*<span class=\"heat-hours\">8/40 h</span>")
                // writer: 50 of 40 h, flagged; then 36 of 40 h
                .containsPattern("class=\"heat heat-over\"[^>]*>\\s*<span class=\"heat-hours\">50/40 h</span>\\s*"
                        + "<span class=\"heat-flag\">Over</span>")
                .containsPattern("class=\"heat heat-high\"[^>]*>\\s*<span class=\"heat-hours\">36/40 h</span>")
                .contains("125 %, Over capacity").contains("90 %, 85 to 100 %")
                // legend, skills, members
                .contains("id=\"heatmap-legend\"").contains("Under 50 %").contains("50 to 85 %")
                .contains("Head of marketing").contains("seo").contains("No tasks completed yet")
                .doesNotContain("Change several schedules at once");
        assertThat(page).contains("hx-get=\"/team?from=2030-05-27\"").contains("hx-get=\"/team?from=2030-06-10\"");
    }

    @Test
    void weekNavigationSwapsOnlyTheHeatMap() {
        MockHttpSession session = signIn(owner);
        MvcTestResult next = mvc.get().uri("/team?from=2030-06-10").session(session).header("HX-Request", "true").exchange();
        assertThat(next).hasStatusOk().bodyText().contains("id=\"team-heatmap\"").contains("W24").contains("W31")
                .doesNotContain("W23").doesNotContain("<html").doesNotContain("id=\"performance\"");
        assertThat(page(session, "/team")).contains("id=\"schedules\"").contains("Save schedules")
                .contains("No open tasks are assigned in these weeks");
    }

    @Test
    void theProfileFormShowsErrorsBesideTheFields() {
        MockHttpSession session = signIn(contributor);
        String path = "/team/" + contributor.userId();
        assertThat(page(session, path)).contains("Save profile").contains("Not set up yet")
                .contains("<option value=\"UTC\" selected=\"selected\">UTC</option>");

        MvcTestResult refused = web.post(session, path, "jobTitle", "Writer", "timeZone", "UTC", "capacityPct", "150",
                "hours-MONDAY", "8", "skillName", "seo", "skillLevel", "3");
        assertThat(refused).hasStatusOk().bodyText().contains("must be a whole number from 0 to 100")
                .containsPattern("id=\"capacityPct\"[^>]*aria-invalid=\"true\"").contains("value=\"Writer\"");

        MvcTestResult badHours = web.post(session, path, "timeZone", "UTC", "capacityPct", "80",
                "hours-TUESDAY", "lots");
        assertThat(badHours).hasStatusOk().bodyText().contains("must be a number of hours, 0 to 24")
                .containsPattern("id=\"hours-TUESDAY\"[^>]*aria-invalid=\"true\"");

        MvcTestResult badSkill = web.post(session, path, "timeZone", "UTC", "capacityPct", "80",
                "skillName", "design", "skillName", "C++", "skillLevel", "4", "skillLevel", "2");
        assertThat(badSkill).hasStatusOk().bodyText().contains("a skill name is 1 to 40 letters")
                .contains("class=\"chip chip-invalid\"").contains("value=\"C++\"")
                .containsPattern("aria-label=\"Level of C\\+\\+\"[^>]*aria-invalid=\"true\"");

        MvcTestResult saved = web.post(session, path, "jobTitle", "Content designer", "timeZone", "Europe/Berlin",
                "capacityPct", "80", "hours-MONDAY", "6", "hours-TUESDAY", "6.5", "skillName", "Social Media",
                "skillName", "", "skillLevel", "4", "skillLevel", "3", "version", "0");
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl(path);
        MvcTestResult member = api.get(owner, TeamRequests.MEMBERS + contributor.userId());
        assertThat((String) Json.read(member, "$.jobTitle")).isEqualTo("Content designer");
        assertThat((Integer) Json.read(member, "$.skills.social-media")).isEqualTo(4);
        assertThat((Double) Json.read(member, "$.weeklyHours.TUESDAY")).isEqualTo(6.5);
        assertThat((Double) Json.read(member, "$.weeklyHours.WEDNESDAY")).isZero();
        assertThat(page(session, path)).contains("value=\"social-media\"").contains("Europe/Berlin\" selected")
                .doesNotContain("Not set up yet");

        // a stale version is refused with a note instead of overwriting
        assertThat(web.post(session, path, "timeZone", "UTC", "capacityPct", "50", "version", "0")).hasStatusOk()
                .bodyText().contains("Someone else changed this profile");
    }

    @Test
    void timeOffIsAddedAndRemovedOnTheMemberPage() {
        MockHttpSession session = signIn(contributor);
        String path = "/team/" + contributor.userId();
        assertThat(web.post(session, path + "/time-off", "startsOn", "2030-06-03", "endsOn", "2030-06-07",
                "reason", "Summer")).hasStatus3xxRedirection().hasRedirectedUrl(path + "#time-off");
        assertThat(page(session, path)).contains("3 Jun 2030 – 7 Jun 2030").contains("5 days · Summer");

        assertThat(web.post(session, path + "/time-off", "startsOn", "2030-06-05", "endsOn", "2030-06-06"))
                .hasStatusOk().bodyText().contains("This overlaps time off from 2030-06-03 to 2030-06-07");
        assertThat(web.post(session, path + "/time-off", "startsOn", "2030-06-09", "endsOn", "")).hasStatusOk()
                .bodyText().containsPattern("id=\"endsOn\"[^>]*aria-invalid=\"true\"")
                .contains("is required");

        String id = Json.read(api.get(owner, TeamRequests.MEMBERS + contributor.userId() + "/time-off"), "$[0].id");
        assertThat(web.post(session, path + "/time-off/" + id + "/delete")).hasStatus3xxRedirection();
        assertThat(page(session, path)).contains("No time off recorded.");
    }

    @Test
    void theMemberPageShowsUpcomingAvailability() {
        api.profile(owner, contributor, "{\"weeklyHours\":{\"MONDAY\":8,\"TUESDAY\":4},\"capacityPct\":50}");
        String page = page(signIn(viewer), "/team/" + contributor.userId());
        assertThat(page).contains("id=\"availability\"").contains("4 h").contains("2 h").contains("Not scheduled")
                .contains("24 hours in the 4 weeks");
    }

    @Test
    void viewersSeeEverythingReadOnly() {
        MockHttpSession session = signIn(viewer);
        String path = "/team/" + contributor.userId();
        assertThat(page(session, path)).contains("Planning profile").contains("Mon 8").doesNotContain("Save profile")
                .doesNotContain("Add time off");
        assertThat(page(session, "/team/" + viewer.userId())).doesNotContain("Save profile");
        assertThat(web.post(session, path, "capacityPct", "10")).hasStatus(403);
        assertThat(web.post(session, "/team/" + viewer.userId(), "capacityPct", "10")).hasStatus(403);
        assertThat(web.post(session, path + "/time-off", "startsOn", "2030-06-03", "endsOn", "2030-06-03"))
                .hasStatus(403);
        assertThat(web.post(session, "/team/schedules", "memberIds", contributor.userId().toString()))
                .hasStatus(403);

        // a contributor reads colleagues' profiles but changes only their own
        MockHttpSession colleague = signIn(writer);
        assertThat(page(colleague, path)).doesNotContain("Save profile");
        assertThat(web.post(colleague, path, "timeZone", "UTC", "capacityPct", "10")).hasStatus(403);
    }

    @Test
    void managersChangeSchedulesInBulkFromTheTeamPage() {
        MockHttpSession session = signIn(owner);
        MvcTestResult none = web.post(session, "/team/schedules", "hours-MONDAY", "4");
        assertThat(none).hasStatusOk().bodyText().contains("choose at least one member").contains("id=\"team-heatmap\"");

        MvcTestResult badHours = web.post(session, "/team/schedules", "memberIds", contributor.userId().toString(),
                "hours-SUNDAY", "30");
        assertThat(badHours).hasStatusOk().bodyText().contains("must be between 0 and 24 hours")
                .containsPattern("id=\"schedule-SUNDAY\"[^>]*aria-invalid=\"true\"");

        MvcTestResult saved = web.post(session, "/team/schedules", "memberIds", contributor.userId().toString(),
                "memberIds", writer.userId().toString(), "hours-MONDAY", "4", "hours-TUESDAY", "4",
                "capacityPct", "50", "timeZone", "Europe/Lisbon");
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/team#schedules");
        MvcTestResult writerNow = api.get(owner, TeamRequests.MEMBERS + writer.userId());
        assertThat((Double) Json.read(writerNow, "$.weeklyCapacityHours")).isEqualTo(4.0);
        assertThat((String) Json.read(writerNow, "$.timeZone")).isEqualTo("Europe/Lisbon");
    }

    @Test
    void anotherWorkspacesMemberIsNotFound() {
        Member stranger = workspaces.workspace("Team pages stranger");
        MockHttpSession session = signIn(owner);
        assertThat(mvc.get().uri("/team/" + stranger.userId()).session(session).exchange()).hasStatus(404);
        assertThat(web.post(session, "/team/" + stranger.userId(), "capacityPct", "10")).hasStatus(404);
    }

    private String page(MockHttpSession session, String path) {
        MvcTestResult result = mvc.get().uri(path).session(session).exchange();
        assertThat(result).hasStatusOk();
        return Json.body(result);
    }

    private MockHttpSession signIn(Member member) {
        MvcTestResult result = mvc.post().uri("/login").param("email", member.email())
                .param("password", TestWorkspaces.PASSWORD).with(csrf()).exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return (MockHttpSession) result.getRequest().getSession();
    }
}
