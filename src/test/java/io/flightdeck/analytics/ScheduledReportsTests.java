package io.flightdeck.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.GreenMailContext;
import io.flightdeck.support.IllegalMoves;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.shared.security.Role;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Scheduled reports through a real SMTP server (GreenMail) on a controlled clock: a weekly report made on a Sunday
 * goes out once the Monday morning comes, one mail per recipient with the PDF attached, holding the screen's numbers
 * and as-of; the schedule's job running again, a person's retry or "send now" never send it twice. With the server
 * gone the run fails after its retries, says who did not get it and why, and its owner is told; sent again with the
 * server back, only the mail that failed goes. An empty period is skipped when the schedule says so.
 */
class ScheduledReportsTests extends GreenMailContext {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWeeklyReportArrivesOnceOnMondayWithTheScreensNumbers() throws Exception {
        // members first: their tokens are issued on the moved clock but checked on the system's
        Member owner = workspaces.workspace("Scheduled reports");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Scheduled reports stranger");
        String campaign = campaigns.create(owner, "Winter sale");
        at("2026-11-22T12:00:00Z"); // a Sunday, in the workspace's zone (UTC)
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts",
                ReportKit.weekBesideWeekBefore(campaign)))).hasStatusOk();
        RolledUp.await(jdbc, owner);

        MvcTestResult made = api.as(owner).post("/api/v1/analytics/report-schedules", Map.of("campaignId", campaign,
                "kind", "SUMMARY", "format", "PDF", "cadence", "WEEKLY",
                "recipients", List.of("Boss@Weekly.example", "ana@weekly.example")));
        assertThat(made).hasStatus(201);
        String schedule = Json.read(made, "$.id");
        assertThat((String) Json.read(made, "$.nextPeriod.from")).isEqualTo("2026-11-16");
        assertThat((String) Json.read(made, "$.nextDueAt")).isEqualTo("2026-11-23T07:00:00Z");
        assertThat((List<String>) Json.read(made, "$.recipients")).containsExactly("boss@weekly.example",
                "ana@weekly.example");
        Thread.sleep(2500); // the schedules job runs every second here: nothing is due before Monday 07:00
        assertThat(runs(owner, schedule)).isEmpty();
        assertThat(to("weekly.example")).isEmpty();

        at("2026-11-23T08:00:00Z");
        String run = awaitRun(owner, schedule, "SENT");
        assertThat(runs(owner, schedule)).hasSize(1);
        List<MimeMessage> mails = to("weekly.example");
        assertThat(mails).hasSize(2);
        assertThat(mails.stream().map(m -> address(m)).toList())
                .containsExactlyInAnyOrder("boss@weekly.example", "ana@weekly.example");

        // the mail's body, its PDF and the report on the API hold the same numbers, as of the same moment
        MvcTestResult report = api.as(owner).post("/api/v1/analytics/campaigns/" + campaign + "/report",
                Map.of("kind", "SUMMARY", "format", "JSON", "from", "2026-11-16", "to", "2026-11-22"));
        String asOf = Json.read(report, "$.asOf");
        assertThat((String) Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"),
                "$.items[0].asOf")).isEqualTo(asOf);
        String words = WHEN.format(Instant.parse(asOf).atZone(ZoneId.of("UTC")));
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Summary report: Winter sale, 2026-11-16 to 2026-11-22");
        assertThat(mail.getMessageID()).startsWith("<report-" + run + "-");
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        Multipart parts = (Multipart) mail.getContent();
        Multipart readable = (Multipart) parts.getBodyPart(0).getContent();
        String text = (String) readable.getBodyPart(0).getContent();
        assertThat(text).contains("As of " + words, "Impressions | 4,000 | 500", "EUR");
        assertThat((String) readable.getBodyPart(1).getContent()).contains("As of " + words, ">4,000</td>");
        BodyPart file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("winter-sale-summary-2026-11-16-to-2026-11-22.pdf");
        assertThat(file.getContentType()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(file.getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(words, "4,000");
        }

        // sent once: the job runs on, a person sends the period "now" or the run "again", and nothing more leaves
        Thread.sleep(2000);
        assertThat(api.as(owner).post("/api/v1/analytics/report-schedules/" + schedule + "/runs", Map.of()))
                .hasStatus(409);
        IllegalMoves.assertRefused(api.as(owner).post("/api/v1/analytics/report-schedules/" + schedule + "/runs/" + run
                + "/retry", Map.of()), "SENT", "retry", List.of());
        // a run left unsettled (a crash after its mails were sent), sent again: its sent rows stay sent
        jdbc.sql("update analytics_report_runs set status = 'FAILED' where id = ?").param(java.util.UUID.fromString(run))
                .update();
        assertThat(api.as(owner).post("/api/v1/analytics/report-schedules/" + schedule + "/runs/" + run + "/retry",
                Map.of())).hasStatusOk();
        awaitRun(owner, schedule, "SENT");
        assertThat(runs(owner, schedule)).hasSize(1);
        assertThat(to("weekly.example")).hasSize(2);

        // a viewer reads, but neither schedules nor sends; another workspace sees nothing
        assertThat(api.as(viewer).get("/api/v1/analytics/report-schedules/" + schedule)).hasStatusOk();
        assertThat(api.as(viewer).post("/api/v1/analytics/report-schedules", Map.of("campaignId", campaign)))
                .hasStatus(403);
        assertThat(api.as(viewer).post("/api/v1/analytics/report-schedules/" + schedule + "/runs", Map.of()))
                .hasStatus(403);
        assertThat(api.as(stranger).get("/api/v1/analytics/report-schedules/" + schedule)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/analytics/report-schedules/" + schedule + "/runs")).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get("/api/v1/analytics/report-schedules"), "$.total"))
                .isZero();
        assertThat(api.as(stranger).post("/api/v1/analytics/report-schedules", Map.of("campaignId", campaign,
                "cadence", "WEEKLY"))).hasStatus(404);
    }

    @Test
    void aFailedRunSaysWhyTellsItsOwnerAndIsSentAgainOnlyToWhoMissedIt() throws Exception {
        Member owner = workspaces.workspace("Failing reports");
        String campaign = campaigns.create(owner, "Spring sale");
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts",
                ReportKit.weekBesideWeekBefore(campaign)))).hasStatusOk();
        RolledUp.await(jdbc, owner);
        String schedule = Json.read(api.as(owner).post("/api/v1/analytics/report-schedules", Map.of(
                "campaignId", campaign, "cadence", "DAILY", "format", "CSV", "skipWhenEmpty", false,
                "recipients", List.of("team@daily.example"))), "$.id");

        serverDown();
        String run;
        try {
            MvcTestResult now = api.as(owner).post("/api/v1/analytics/report-schedules/" + schedule + "/runs", Map.of());
            assertThat(now).hasStatus(201);
            run = Json.read(now, "$.id");
            awaitRun(owner, schedule, "FAILED");
            String detail = Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"),
                    "$.items[0].detail");
            assertThat(detail).startsWith("Not sent to team@daily.example: Not sent after several attempts");
            await().atMost(Duration.ofSeconds(20)).until(() -> Json.<List<String>>read(
                    api.as(owner).get("/api/v1/notifications?size=50"), "$.items[?(@.trigger == 'REPORT_FAILED')].title")
                    .stream().anyMatch(t -> t.startsWith("Scheduled report of Spring sale failed")));
        } finally {
            serverUp();
        }
        assertThat(api.as(owner).post("/api/v1/analytics/report-schedules/" + schedule + "/runs/" + run + "/retry",
                Map.of())).hasStatusOk();
        awaitRun(owner, schedule, "SENT");
        List<MimeMessage> mails = to("daily.example");
        assertThat(mails).hasSize(1);
        assertThat(((Multipart) mails.get(0).getContent()).getBodyPart(1).getFileName()).endsWith(".csv");
    }

    @Test
    void anEmptyPeriodIsSkippedWhenTheScheduleSaysSoAndBadSchedulesAreProblems() throws Exception {
        Member owner = workspaces.workspace("Empty reports");
        String campaign = campaigns.create(owner, "Quiet campaign");
        String schedule = Json.read(api.as(owner).post("/api/v1/analytics/report-schedules", Map.of(
                "campaignId", campaign, "cadence", "MONTHLY", "recipients", List.of("quiet@monthly.example"))), "$.id");
        assertThat(api.as(owner).post("/api/v1/analytics/report-schedules/" + schedule + "/runs", Map.of()))
                .hasStatus(201);
        awaitRun(owner, schedule, "SKIPPED");
        assertThat(to("monthly.example")).isEmpty();

        MvcTestResult bad = api.as(owner).post("/api/v1/analytics/report-schedules", Map.of("campaignId", campaign,
                "cadence", "HOURLY", "kind", "NONE", "format", "DOCX", "recipients", List.of("nobody", "x".repeat(5000))));
        assertThat(bad).hasStatus(400);
        assertThat((List<String>) Json.read(bad, "$.errors[*].field")).containsExactly("kind", "format", "cadence",
                "recipients", "recipients");
        MvcTestResult withNull = api.as(owner).post("/api/v1/analytics/report-schedules", Map.of("campaignId",
                campaign, "recipients", Arrays.asList("ana@example.com", null)));
        assertThat(withNull).hasStatus(400);
        assertThat((List<String>) Json.read(withNull, "$.errors[*].field")).containsExactly("recipients[1]");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/analytics/report-schedules"), "$.total"))
                .isEqualTo(1);
    }

    private void at(String instant) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private List<String> runs(Member owner, String schedule) {
        return Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"), "$.items[*].id");
    }

    private String awaitRun(Member owner, String schedule, String status) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> status.equals(
                Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"),
                        "$.items[0].status")));
        return Json.read(api.as(owner).get("/api/v1/analytics/report-schedules/" + schedule + "/runs"), "$.items[0].id");
    }

    private static List<MimeMessage> to(String domain) {
        return receivedAt(domain);
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
