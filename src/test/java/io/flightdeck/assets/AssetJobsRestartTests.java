package io.flightdeck.assets;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The assets module's background work is durable: an application killed with work queued (kill -9, no shutdown)
 * leaves it in the database, and a restarted application on the same database and storage finishes it: an upload's
 * measurement, and a CSV import whose file waits in storage until it has run. The first fork polls for jobs only once
 * an hour, so the work is certainly still queued when it dies. Two forked JVMs on a file database; no Spring context
 * in this one.
 */
class AssetJobsRestartTests {

    private static final String PERFORMANCE = """
            external_asset_id,date,impressions,clicks,conversions,spend,revenue
            ad-1,2027-01-05,1000,40,2,12.50,40.00
            ad-1,2027-01-06,2000,50,3,20.00,55.00
            """;

    @Test
    void aRestartedApplicationFinishesTheUploadAndTheImportThatAKilledOneQueued() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("asset-jobs-" + run);
        String dataDir = "flightdeck.data-dir=" + dir.resolve("asset-jobs-data-" + run).toAbsolutePath();
        String email = "ada-" + run + "@example.com";
        String asset;
        String headline;
        String importId;
        try (ForkedApp first = ForkedApp.start(database, dataDir, "db-scheduler.polling-interval=1h")) {
            String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Jobs","displayName":"Ada Jobs","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
            // the scheduler's first poll runs as the application starts; the next one is an hour away
            Thread.sleep(2000);
            String uploaded = ok(first.send("POST", "/api/v1/campaign-assets/assets?name=poster.png", token,
                    "application/octet-stream", AssetSamples.png(7, 640, 480)), 201);
            asset = JsonPath.read(uploaded, "$.asset.id");
            assertThat((String) JsonPath.read(ok(first.send("GET", "/api/v1/campaign-assets/" + asset, token, null), 200),
                    "$.file.derivedStatus")).isEqualTo("PENDING");

            String campaign = JsonPath.read(ok(first.send("POST", "/api/v1/campaigns", token,
                    "{\"name\":\"Restart\",\"type\":\"OTHER\"}"), 201), "$.id");
            String space = JsonPath.read(ok(first.send("POST", "/api/v1/campaign-spaces", token,
                    "{\"campaignId\":\"%s\",\"name\":\"Restart – Meta\",\"platform\":\"META\"}".formatted(campaign)),
                    201), "$.id");
            headline = JsonPath.read(ok(first.send("POST", "/api/v1/campaign-assets", token, """
                    {"spaceId":"%s","name":"Hero","type":"HEADLINE","headline":"Ride on","externalAssetId":"ad-1"}"""
                    .formatted(space)), 201), "$.id");
            String started = ok(first.upload("/api/v1/campaign-assets/campaign-spaces/" + space + "/assets/import",
                    token, "performance.csv", PERFORMANCE, "kind", "PERFORMANCE"), 202);
            importId = JsonPath.read(started, "$.id");
            assertThat((String) JsonPath.read(started, "$.status")).isEqualTo("QUEUED");
            first.kill();
        }

        try (ForkedApp second = ForkedApp.start(database, dataDir)) {
            String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                    {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200), "$.accessToken");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> "DONE".equals(
                    JsonPath.read(second.send("GET", "/api/v1/campaign-assets/" + asset, token, null).body(),
                            "$.file.derivedStatus")));
            String measured = ok(second.send("GET", "/api/v1/campaign-assets/" + asset, token, null), 200);
            assertThat((Integer) JsonPath.read(measured, "$.file.width")).isEqualTo(640);
            assertThat((Integer) JsonPath.read(measured, "$.file.height")).isEqualTo(480);
            assertThat((Boolean) JsonPath.read(measured, "$.file.hasSmallThumbnail")).isTrue();
            assertThat(second.send("GET", "/api/v1/campaign-assets/" + asset + "/renditions/thumb-small", token, null)
                    .statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> "SUCCEEDED".equals(
                    JsonPath.read(second.send("GET", "/api/v1/campaign-assets/imports/" + importId, token, null).body(),
                            "$.status")));
            String imported = ok(second.send("GET", "/api/v1/campaign-assets/imports/" + importId, token, null), 200);
            assertThat(((Number) JsonPath.read(imported, "$.rowsImported")).intValue()).isEqualTo(2);
            String hero = ok(second.send("GET", "/api/v1/campaign-assets/" + headline, token, null), 200);
            assertThat(((Number) JsonPath.read(hero, "$.performance.impressions")).longValue()).isEqualTo(3000);
            assertThat(((Number) JsonPath.read(hero, "$.performance.clicks")).longValue()).isEqualTo(90);
        }
    }

    /** The body of an answer with the expected status. */
    private static String ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return response.body();
    }
}
