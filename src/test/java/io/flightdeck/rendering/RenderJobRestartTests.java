package io.flightdeck.rendering;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.rendering.remote.FakeReplicate;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A render job survives kill -9: the application is killed (SIGKILL, a forked JVM) while a Replicate job is running,
 * and the restarted application on the same database polls it to the end. The fake saw exactly one prediction.
 */
class RenderJobRestartTests {

    @StartStop
    final MockWebServer server = new MockWebServer();
    final FakeReplicate fake = new FakeReplicate();

    @Test
    void aJobRunningWhenTheApplicationIsKilledIsPolledToTheEndAfterARestartAndSentOnce() throws Exception {
        server.setDispatcher(fake.at(server.url("/").toString()));
        fake.pollsUntilDone = 1_000_000;
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("render-jobs-" + run);
        String[] properties = {"flightdeck.data-dir=" + dir.resolve("render-jobs-data-" + run).toAbsolutePath(),
                "flightdeck.rendering.replicate.api-token=" + FakeReplicate.TOKEN,
                "flightdeck.rendering.replicate.base-url=" + server.url("/"),
                "flightdeck.rendering.poll-min=PT0.5S", "flightdeck.rendering.poll-max=PT1S"};
        String email = "rene-" + run + "@example.com";
        String job;
        String prediction;
        try (ForkedApp first = ForkedApp.start(database, properties)) {
            String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Renders","displayName":"René Render","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
            String campaign = JsonPath.read(ok(first.send("POST", "/api/v1/campaigns", token,
                    "{\"name\":\"Restart\",\"type\":\"OTHER\"}"), 201), "$.id");
            String creative = JsonPath.read(ok(first.send("POST", "/api/v1/content/creatives", token, """
                    {"campaignId":"%s","title":"Teaser","topic":"Spring","channels":["INSTAGRAM"],"mode":"MANUAL",
                     "texts":{"HEADLINE":"Spring is here"}}""".formatted(campaign)), 201), "$.id");
            job = JsonPath.read(ok(first.send("POST", "/api/v1/render-jobs", token, """
                    {"creativeId":"%s","type":"IMAGE","provider":"replicate"}""".formatted(creative)), 201), "$.id");
            // running at Replicate, and polled at least twice: the kill lands mid-job
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String body = first.send("GET", "/api/v1/render-jobs/" + job, token, null).body();
                return JsonPath.read(body, "$.providerJobId") != null
                        && ((Integer) JsonPath.read(body, "$.progress.currentStep") != null);
            });
            prediction = JsonPath.read(first.send("GET", "/api/v1/render-jobs/" + job, token, null).body(),
                    "$.providerJobId");
            first.kill();
        }
        assertThat(fake.creations()).isEqualTo(1);
        fake.setStatus(prediction, "succeeded");

        try (ForkedApp second = ForkedApp.start(database, properties)) {
            String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                    {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> "PUBLISHED".equals(
                    JsonPath.read(second.send("GET", "/api/v1/render-jobs/" + job + "/status", token, null).body(),
                            "$.status")));
            String done = ok(second.send("GET", "/api/v1/render-jobs/" + job, token, null), 200);
            assertThat((String) JsonPath.read(done, "$.providerJobId")).isEqualTo(prediction);
            assertThat((Integer) JsonPath.read(done, "$.attempt")).isEqualTo(1);
            assertThat((String) JsonPath.read(done, "$.outputs.primary")).isNotNull();
        }
        assertThat(fake.creations()).isEqualTo(1);
        assertThat(fake.violations).isEmpty();
    }

    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return response.body();
    }
}
