package io.flightdeck.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
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
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The schedules page: managers schedule a report through its form (a refused one comes back marked, having written
 * nothing), send the last period now and see its outcome, send a failed run again from its row, pause and remove a
 * schedule. A viewer reads the page without the form and may not post it; another workspace finds nothing. Through
 * htmx, sending answers the schedule's runs alone, which ask for themselves while a run is being sent and stop once
 * it has its outcome.
 */
@FlightdeckTest
class ReportSchedulesPagesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvcTester mvc;

    @Test
    void managersScheduleSendAndSendAgainFromThePage() {
        Member owner = workspaces.workspace("Schedules page");
        String campaign = campaigns.create(owner, "Autumn <fair>");
        MockHttpSession manager = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(web.page(manager, "/analytics/schedules")).contains("No scheduled reports yet", "New schedule",
                "Autumn &lt;fair&gt;");

        MvcTestResult refused = web.post(manager, "/analytics/schedules", "campaignId", "", "kind", "SUMMARY",
                "format", "PDF", "cadence", "WEEKLY", "recipients", "not-an-address");
        assertThat(refused).hasStatus(400).bodyText().contains("2 fields need a change",
                "Choose the campaign the report is about", "Not an email address: not-an-address",
                "aria-invalid=\"true\"", ">not-an-address</textarea>");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/analytics/report-schedules"), "$.total")).isZero();

        MvcTestResult made = web.post(manager, "/analytics/schedules", "campaignId", campaign, "kind", "EXECUTIVE",
                "format", "XLSX", "cadence", "MONTHLY", "recipients", "boss@example.com, ana@example.com");
        assertThat(made).hasStatus(302).hasRedirectedUrl("/analytics/schedules");
        String schedule = Json.read(api.as(owner).get("/api/v1/analytics/report-schedules"), "$.items[0].id");
        String page = web.page(manager, "/analytics/schedules");
        assertThat(page).contains("Autumn &lt;fair&gt;</span>:", "Dashboard of Autumn &lt;fair&gt;", "Monthly executive report", "boss@example.com, ana@example.com",
                "as <span>XLSX</span>", "No report sent yet", "Send the last period now");
        assertThat(page).doesNotContain("skipped when there are no numbers");

        // the last month now: nothing was measured, and this schedule sends anyway
        assertThat(web.post(manager, "/analytics/schedules/" + schedule + "/send-now")).hasStatus(302);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"), "$.items[0].status")));
        assertThat(web.page(manager, "/analytics/schedules")).contains(">Sent</span>", "2 of 2");

        // a failed run offers Send again, which sends it
        String run = Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"),
                "$.items[0].id");
        jdbc.sql("update analytics_report_runs set status = 'FAILED', detail = 'Not sent to ana@example.com: refused'"
                + " where id = ?").param(UUID.fromString(run)).update();
        assertThat(web.page(manager, "/analytics/schedules")).contains(">Failed</span>",
                "Not sent to ana@example.com: refused", ">Send again</button>");
        assertThat(web.post(manager, "/analytics/schedules/" + schedule + "/runs/" + run + "/retry")).hasStatus(302);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"), "$.items[0].status")));

        assertThat(web.post(manager, "/analytics/schedules/" + schedule + "/pause", "paused", "true")).hasStatus(302);
        assertThat(web.page(manager, "/analytics/schedules")).contains(">Paused</span>", ">Resume</button>");

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/analytics/schedules")).contains("Monthly executive report")
                .doesNotContain("New schedule", "Send again", "Send the last period now");
        assertThat(web.post(viewer, "/analytics/schedules", "campaignId", campaign, "cadence", "DAILY"))
                .hasStatus(403);

        MockHttpSession stranger = web.signIn(workspaces.workspace("Schedules page stranger"));
        assertThat(web.post(stranger, "/analytics/schedules/" + schedule + "/pause", "paused", "false"))
                .hasStatus(404);
        assertThat(web.page(stranger, "/analytics/schedules")).contains("No scheduled reports yet")
                .doesNotContain("Autumn");

        assertThat(web.post(manager, "/analytics/schedules/" + schedule + "/delete")).hasStatus(302);
        assertThat(web.page(manager, "/analytics/schedules")).contains("No scheduled reports yet");
    }

    @Test
    void sendingThroughHtmxAnswersTheRunsWhichAskForThemselvesUntilTheRunIsDone() {
        Member owner = workspaces.workspace("Schedules live");
        String campaign = campaigns.create(owner, "Live fair");
        MockHttpSession manager = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        String schedule = Json.read(api.as(owner).post("/api/v1/analytics/report-schedules", Map.of("campaignId",
                campaign, "cadence", "DAILY", "skipWhenEmpty", false, "recipients", List.of("live@example.com"))), "$.id");
        String runs = "/analytics/schedules/" + schedule + "/runs";

        MvcTestResult sent = htmxPost(manager, "/analytics/schedules/" + schedule + "/send-now");
        assertThat(sent).hasStatusOk().bodyText().contains("id=\"schedule-" + schedule + "-runs\"",
                "id=\"schedules-announce\" hx-swap-oob=\"innerHTML\">Sending the report of").doesNotContain("<html");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"), "$.items[0].status")));
        String run = Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"),
                "$.items[0].id");

        // while a run is being sent the table asks for itself; once every run has its outcome it stops and says it
        jdbc.sql("update analytics_report_runs set status = 'DUE' where id = ?").param(UUID.fromString(run)).update();
        assertThat(web.fragment(manager, runs)).contains("hx-get=\"" + runs + "\"", "hx-trigger=\"every 2s",
                "aria-busy=\"true\"", ">Sending</span>").doesNotContain("schedules-announce");
        jdbc.sql("update analytics_report_runs set status = 'SENT' where id = ?").param(UUID.fromString(run)).update();
        assertThat(web.fragment(manager, runs)).contains(">Sent</span>", "1 of 1", ": sent, to 1 of 1.")
                .doesNotContain("hx-get", "hx-trigger", "aria-busy");
        // a page without htmx gets the whole page instead
        assertThat(mvc.get().uri(runs).session(manager).exchange()).hasStatus(302)
                .hasRedirectedUrl("/analytics/schedules#schedule-" + schedule);

        // the same period again is refused in place, and a sent run is not sent again
        assertThat(htmxPost(manager, "/analytics/schedules/" + schedule + "/send-now")).hasStatusOk().bodyText()
                .contains("role=\"alert\"", "has a run already");
        assertThat(htmxPost(manager, runs + "/" + run + "/retry")).hasStatusOk().bodyText()
                .contains("role=\"alert\"", "Cannot retry a report run that is sent.");
        jdbc.sql("update analytics_report_runs set status = 'FAILED' where id = ?").param(UUID.fromString(run)).update();
        assertThat(htmxPost(manager, runs + "/" + run + "/retry")).hasStatusOk().bodyText()
                .contains("again to those it did not reach", "hx-trigger=\"every 2s").doesNotContain("role=\"alert\"");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "SENT".equals(Json.read(
                api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"), "$.items[0].status")));

        // a viewer reads the runs but sends nothing; another workspace finds no such schedule
        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.fragment(viewer, runs)).contains(">Sent</span>").doesNotContain("Send again");
        assertThat(htmxPost(viewer, "/analytics/schedules/" + schedule + "/send-now")).hasStatus(403);
        MockHttpSession stranger = web.signIn(workspaces.workspace("Schedules live stranger"));
        assertThat(mvc.get().uri(runs).session(stranger).exchange()).hasStatus(404);
        // a table asking for itself stops with htmx's stop-polling status, and tells nothing of the schedule
        assertThat(mvc.get().uri(runs).header("HX-Request", "true").session(stranger).exchange()).hasStatus(286)
                .bodyText().contains("no longer here").doesNotContain("Live fair", "live@example.com");
        assertThat(htmxPost(stranger, "/analytics/schedules/" + schedule + "/send-now")).hasStatus(404);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule
                + "/runs"), "$.items[*].id")).containsExactly(run);

        // removed while its table was asking: the asking stops
        assertThat(api.as(owner).delete("/api/v1/analytics/report-schedules/" + schedule)).hasStatus(204);
        assertThat(mvc.get().uri(runs).header("HX-Request", "true").session(manager).exchange()).hasStatus(286)
                .bodyText().contains("no longer here");
    }

    private MvcTestResult htmxPost(MockHttpSession session, String path) {
        return mvc.post().uri(path).header("HX-Request", "true").session(session).with(csrf()).exchange();
    }
}
