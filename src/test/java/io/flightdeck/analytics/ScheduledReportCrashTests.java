package io.flightdeck.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.MailCopies;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scheduled report is never lost and never sent twice, whatever moment a crash takes: the application runs as its
 * own JVM with {@code flightdeck.analytics.report-hold-at} armed, so a run's thread stops at a boundary with its first
 * recipient's mail (before it is handed on, or after the server took it but before SENT is recorded; one run at each,
 * the second run passing the first boundary, so one kill proves both); the JVM is killed (SIGKILL) and restarted on the
 * same database without the hold, and another node's job takes the runs over.
 * Killed before the send, both recipients get the report once. Killed after it through SMTP (GreenMail), the ledger
 * row says it was handed over and the server keeps no record to ask: the mail is not sent again, the run says it may
 * have arrived, and the other recipient still gets theirs. Through the outbox the file answers, so the run is sent.
 */
class ScheduledReportCrashTests {

    // each transport is an application in its own JVM on its own files and ports: the two start side by side
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}, killed at {1}")
    @CsvSource({"smtp, before-send after-send", "outbox, after-send"})
    void aKillMidRunNeitherLosesNorDoublesAReport(String transport, String boundaries) throws Exception {
        List<String> waves = List.of(boundaries.split(" "));
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String id = UUID.randomUUID().toString();
        Path database = dir.resolve("report-crash-" + id);
        Path data = dir.resolve("report-crash-data-" + id).toAbsolutePath();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            String[] mail = {"flightdeck.data-dir=" + data, "flightdeck.mail.transport=" + transport,
                    "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort()};
            String email = "report-crash-" + id + "@example.com";
            // per boundary, the schedule and its run held there
            Map<String, String> schedules = new LinkedHashMap<>();
            Map<String, String> runs = new LinkedHashMap<>();
            try (ForkedApp first = ForkedApp.start(database, ForkedApp.with(mail,
                    "flightdeck.analytics.report-hold-at=" + ForkedApp.holdInWaves(waves, 1)))) {
                String token = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Report crashes","displayName":"Rae Report","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String campaign = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/campaigns", token,
                        "{\"name\":\"Crash sale\",\"type\":\"EVENT\"}"), 201), "$.id");
                Path log = Path.of(database.toAbsolutePath() + "." + URI.create(first.url("/")).getPort() + ".log");
                // a run per boundary, one after the other: the second passes the boundary whose hold the first took
                for (String boundary : waves) {
                    String schedule = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/analytics/report-schedules",
                            token, """
                            {"campaignId":"%s","cadence":"DAILY","format":"CSV","skipWhenEmpty":false,
                             "recipients":["a@crash.example","b@crash.example"]}""".formatted(campaign)), 201), "$.id");
                    String run = JsonPath.read(ForkedApp.ok(first.send("POST", "/api/v1/analytics/report-schedules/"
                            + schedule + "/runs", token, null), 201), "$.id");
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> ForkedApp.heldAt(log, "report run").containsKey(run));
                    assertThat(ForkedApp.heldAt(log, "report run")).containsEntry(run, boundary);
                    schedules.put(boundary, schedule);
                    runs.put(boundary, run);
                }
                first.kill();
            }
            assertThat(MailCopies.received(smtp, transport, data, "report-").values().stream()
                    .mapToInt(Integer::intValue).sum())
                    .as("mail handed on at the kill").isEqualTo(waves.contains("after-send") ? 1 : 0);

            try (ForkedApp second = ForkedApp.start(database, mail)) {
                String token = JsonPath.read(ForkedApp.ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
                for (String boundary : waves) {
                    String outcome = transport.equals("smtp") && boundary.equals("after-send") ? "IN_DOUBT" : "SENT";
                    String path = "/api/v1/analytics/report-schedules/" + schedules.get(boundary) + "/runs";
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> !"DUE"
                            .equals(JsonPath.read(ForkedApp.ok(second.send("GET", path, token, null), 200),
                                    "$.items[0].status")));
                    String answer = ForkedApp.ok(second.send("GET", path, token, null), 200);
                    assertThat((String) JsonPath.read(answer, "$.items[0].status")).as("run held " + boundary)
                            .isEqualTo(outcome);
                    assertThat((Integer) JsonPath.read(answer, "$.items[0].sent")).as("run held " + boundary)
                            .isEqualTo(outcome.equals("SENT") ? 2 : 1);
                    if (outcome.equals("IN_DOUBT")) {
                        assertThat((String) JsonPath.read(answer, "$.items[0].detail")).contains("(may have arrived)",
                                "Cut off after it was handed to the mail server");
                    }
                }
                second.kill();
            }
            Map<String, Integer> copies = MailCopies.received(smtp, transport, data, "report-");
            assertThat(copies).as("each recipient's mail of each run, once").hasSize(2 * waves.size())
                    .allSatisfy((key, count) -> {
                        assertThat(runs.values()).anyMatch(run -> key.startsWith("report-" + run + "-"));
                        assertThat(count).isEqualTo(1);
                    });
        } finally {
            smtp.stop();
        }
    }
}
