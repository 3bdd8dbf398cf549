package io.flightdeck.assets.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.flightdeck.assets.AdPlatformFakes;
import io.flightdeck.assets.platforms.FakeGoogleAds;
import io.flightdeck.assets.platforms.GoogleAdsSyncTests;
import io.flightdeck.shared.jobs.OrphanSweep;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform sync as a job and as the recurring sync: the days from the campaign's dates, one sync per space at a
 * time (409), an import left running without its job put back by the sweeper, the recurring sync over a workspace's
 * spaces (one failing, the others not; in no one's name; a second run changing nothing), and the space's brand.
 */
@FlightdeckTest
class PlatformSyncJobsTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    DueSyncs due;
    @Autowired
    OrphanSweep sweep;
    @Autowired
    JdbcTemplate jdbc;

    private String space(Member owner, String campaign, String name, String platform, String externalId,
            String brand) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces", ("{\"campaignId\":\"%s\",\"name\":\"%s\","
                + "\"platform\":\"%s\",\"externalCampaignId\":%s,\"brand\":%s,\"budget\":{\"amount\":1000,"
                + "\"currency\":\"EUR\"}}").formatted(campaign, name, platform,
                externalId == null ? "null" : "\"" + externalId + "\"", brand == null ? "null" : "\"" + brand + "\""));
        assertThat(created).as(Json.body(created)).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String lastSearch() {
        List<RecordedRequest> searches = AdPlatformFakes.GOOGLE.searches;
        return searches.get(searches.size() - 1).getBody().utf8();
    }

    @Test
    void withoutDatesASyncReadsTheCampaignsDaysAndOneSyncPerSpaceRunsAtATime() {
        Member owner = workspaces.workspace("Sync dates");
        GoogleAdsSyncTests.connect(api, owner, "good-refresh-token");
        String campaign = campaigns.draft("Autumn").dates(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 10))
                .createdBy(owner);
        String id = space(owner, campaign, "Autumn search", "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN, null);

        MvcTestResult done = GoogleAdsSyncTests.synced(api, owner, id, "{}");
        assertThat(Json.<String>read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(lastSearch()).contains("BETWEEN '2026-09-15' AND '2026-10-10'");

        // the import shown running again with no job: a second sync is refused, and the sweeper puts the job back
        String importId = Json.read(done, "$.id");
        jdbc.update("update asset_imports set status = 'RUNNING', finished_at = null, updated_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(OrphanSweep.QUIET.multipliedBy(2))),
                java.util.UUID.fromString(importId));
        MvcTestResult refused = api.as(owner).post("/api/v1/campaign-spaces/" + id + "/sync", "{}");
        assertThat(refused).hasStatus(409);
        assertThat(Json.<String>read(refused, "$.type")).endsWith("sync-running");
        assertThat(Json.<String>read(refused, "$.importId")).isEqualTo(importId);
        assertThat(sweep.sweep(PlatformSyncJobs.ORPHANS)).isGreaterThanOrEqualTo(1);
        MvcTestResult resumed = GoogleAdsSyncTests.awaitImport(api, owner, importId);
        assertThat(Json.<String>read(resumed, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(Json.<Integer>read(api.as(owner).get("/api/v1/campaign-spaces/" + id),
                "$.performance.impressions")).isEqualTo(2300);

        String future = campaigns.draft("Next year").dates(LocalDate.of(2099, 1, 1), null).createdBy(owner);
        String notYet = space(owner, future, "Next year search", "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN, null);
        assertThat(api.as(owner).post("/api/v1/campaign-spaces/" + notYet + "/sync", "{}")).hasStatus(400);
    }

    @Test
    void theRecurringSyncStartsEveryReadySpaceInNoOnesNameAndOneFailingStopsNoOther() {
        Member owner = workspaces.workspace("Daily sync");
        GoogleAdsSyncTests.connect(api, owner, "good-refresh-token");
        String campaign = campaigns.create(owner, "Always on");
        String good = space(owner, campaign, "Search", "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN, null);
        String limited = space(owner, campaign, "Limited", "GOOGLE_ADS", FakeGoogleAds.RATE_LIMITED_CAMPAIGN, null);
        String archived = space(owner, campaign, "Archived", "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN, null);
        assertThat(api.as(owner).delete("/api/v1/campaign-spaces/" + archived)).hasStatus(204);
        String noId = space(owner, campaign, "No id", "GOOGLE_ADS", null, null);
        String pinterest = space(owner, campaign, "Pins", "PINTEREST", "77", null);
        String unconnected = space(owner, campaign, "Meta", "META", "23850000000001", null);

        assertThat(due.startAll(owner.workspaceId())).isEqualTo(2);
        Map<String, String> first = endedImports(owner, good, limited);
        assertThat(first).containsEntry(good, "SUCCEEDED").containsEntry(limited, "FAILED");
        for (String skipped : List.of(archived, noId, pinterest, unconnected)) {
            assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + skipped),
                    "$.items")).isEmpty();
        }
        MvcTestResult imports = api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + good);
        assertThat(Json.<List<Object>>read(imports, "$.items[*].createdBy")).containsOnlyNulls();
        MvcTestResult space = api.as(owner).get("/api/v1/campaign-spaces/" + good);

        // the second run reads the restated days again and changes nothing
        assertThat(due.startAll(owner.workspaceId())).isEqualTo(2);
        endedImports(owner, good, limited);
        MvcTestResult again = api.as(owner).get("/api/v1/campaign-spaces/" + good);
        for (String figure : List.of("impressions", "clicks", "conversions", "spend", "revenue", "roas")) {
            assertThat(Json.<Object>read(again, "$.performance." + figure))
                    .isEqualTo(Json.<Object>read(space, "$.performance." + figure));
        }
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaign-assets/assets?spaceId=" + good),
                "$.items[*].externalAssetId")).containsExactlyInAnyOrder("501", "502");
    }

    /** Waits until each space's newest import has ended; answers its status by space. */
    private Map<String, String> endedImports(Member owner, String... spaces) {
        Map<String, String> ended = new java.util.HashMap<>();
        for (String space : spaces) {
            MvcTestResult list = api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + space);
            String newest = Json.<List<String>>read(list, "$.items[*].id").get(0);
            ended.put(space, Json.read(GoogleAdsSyncTests.awaitImport(api, owner, newest), "$.status"));
        }
        return ended;
    }

    @Test
    void theBrandIsSetEditedAndFiltersTheListInItsOwnWorkspaceOnly() {
        Member owner = workspaces.workspace("Brands");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Brands away");
        String campaign = campaigns.create(owner, "Brand campaign");
        String coffee = space(owner, campaign, "Coffee", "META", null, "Northwind");
        space(owner, campaign, "Tea", "META", null, "Contoso");
        space(owner, campaign, "Plain", "META", null, null);

        assertThat(Json.<List<String>>read(api.as(viewer).get("/api/v1/campaign-spaces?brand=NORTHWIND"),
                "$.items[*].name")).containsExactly("Coffee");
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/campaign-spaces/" + coffee), "$.brand"))
                .isEqualTo("Northwind");
        assertThat(Json.<List<String>>read(api.as(stranger).get("/api/v1/campaign-spaces?brand=Northwind"),
                "$.items")).isEmpty();

        String edit = "{\"campaignId\":\"" + campaign + "\",\"name\":\"Coffee\",\"platform\":\"META\",\"brand\":\"Contoso\"}";
        assertThat(api.as(viewer).put("/api/v1/campaign-spaces/" + coffee, edit)).hasStatus(403);
        assertThat(api.as(stranger).put("/api/v1/campaign-spaces/" + coffee, edit)).hasStatus(404);
        assertThat(api.as(owner).put("/api/v1/campaign-spaces/" + coffee, edit)).hasStatusOk();
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaign-spaces?brand=contoso"),
                "$.items[*].name")).containsExactlyInAnyOrder("Coffee", "Tea");
        assertThat(api.as(owner).post("/api/v1/campaign-spaces", "{\"campaignId\":\"" + campaign + "\",\"name\":\"Long\","
                + "\"platform\":\"META\",\"brand\":\"" + "b".repeat(201) + "\"}")).hasStatus(400);
    }
}
