package io.flightdeck.assets.platforms;

import java.util.List;

import io.flightdeck.assets.AdPlatformFakes;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A Google Ads space synced from the fake Google Ads API: the documented headers and query, the ads becoming assets,
 * the days landing as a CSV import's do, a second sync changing nothing, hand-entered totals reported as replaced,
 * refusals kept on the import, tenancy and roles.
 */
@FlightdeckTest
public class GoogleAdsSyncTests {

    static final String SYNC = "{\"from\":\"2026-10-01\",\"to\":\"2026-10-02\"}";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    static String space(Member owner, ApiClient api, TestCampaigns campaigns, String platform, String campaignId) {
        String campaign = campaigns.create(owner, "Synced " + campaignId);
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces", ("{\"campaignId\":\"%s\",\"name\":\"%s space\","
                + "\"platform\":\"%s\",\"externalCampaignId\":\"%s\",\"budget\":{\"amount\":1000,\"currency\":\"EUR\"}}")
                .formatted(campaign, platform, platform, campaignId));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    /** Starts a sync (202, running, its Location) and waits for its end; answers the finished import. */
    public static MvcTestResult synced(ApiClient api, Member as, String spaceId, String body) {
        MvcTestResult started = api.as(as).post("/api/v1/campaign-spaces/" + spaceId + "/sync", body);
        assertThat(started).as(Json.body(started)).hasStatus(202);
        assertThat(Json.<String>read(started, "$.status")).isEqualTo("RUNNING");
        String importId = Json.read(started, "$.id");
        assertThat(started).headers().hasValue("Location", "/api/v1/campaign-assets/imports/" + importId);
        return awaitImport(api, as, importId);
    }

    /** Reads the import until it has ended; answers the last read. */
    public static MvcTestResult awaitImport(ApiClient api, Member as, String importId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            MvcTestResult read = api.as(as).get("/api/v1/campaign-assets/imports/" + importId);
            assertThat(read).hasStatusOk();
            String status = Json.read(read, "$.status");
            if (List.of("SUCCEEDED", "FAILED", "PARTLY").contains(status)) {
                return read;
            }
            assertThat(System.currentTimeMillis()).as("import " + importId + " still " + status).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String connect(ApiClient api, Member owner, String refreshToken) {
        MvcTestResult created = api.as(owner).post(AdPlatformConnectionsApiTests.BASE,
                AdPlatformConnectionsApiTests.googleAds("Google").replace("refresh-token-secret", refreshToken));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    @Test
    void aSyncImportsEachAdsDaysAndASecondSyncChangesNothing() {
        Member owner = workspaces.workspace("Google sync");
        connect(api, owner, "good-refresh-token");
        String id = space(owner, api, campaigns, "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN);
        assertThat(api.as(owner).post("/api/v1/campaign-spaces/" + id + "/update-performance",
                "{\"impressions\":5,\"clicks\":1,\"conversions\":0,\"spend\":3,\"revenue\":12.5}")).hasStatusOk();

        MvcTestResult first = synced(api, owner, id, SYNC);
        assertThat(Json.<String>read(first, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(Json.<String>read(first, "$.source")).isEqualTo("PLATFORM_API");
        assertThat(Json.<Integer>read(first, "$.rowsImported")).isEqualTo(3);
        assertThat(Json.<String>read(first, "$.replacedEntered")).contains("5 impressions").contains("revenue 12.50 EUR");

        RecordedRequest search = AdPlatformFakes.GOOGLE.searches.get(AdPlatformFakes.GOOGLE.searches.size() - 1);
        assertThat(search.getUrl().encodedPath()).isEqualTo("/v26/customers/1234567890/googleAds:searchStream");
        assertThat(search.getHeaders().get("developer-token")).isEqualTo("dev-token-secret");
        assertThat(search.getHeaders().get("login-customer-id")).isEqualTo("1112223333");
        assertThat(search.getBody().utf8()).contains("FROM ad_group_ad WHERE campaign.id = 9001")
                .contains("BETWEEN '2026-10-01' AND '2026-10-02'");

        MvcTestResult space = api.as(owner).get("/api/v1/campaign-spaces/" + id);
        assertThat(Json.<Integer>read(space, "$.performance.impressions")).isEqualTo(2300);
        assertThat(Json.<Integer>read(space, "$.performance.clicks")).isEqualTo(70);
        assertThat(Json.<Integer>read(space, "$.performance.conversions")).isEqualTo(3);
        assertThat(Json.<Double>read(space, "$.performance.spend")).isEqualTo(22.5);
        assertThat(Json.<Double>read(space, "$.performance.revenue")).isEqualTo(90.0);
        assertThat(Json.<Double>read(space, "$.performance.roas")).isEqualTo(4.0);
        assertThat(Json.<Double>read(space, "$.performance.clickThroughRate")).isEqualTo(70.0 / 2300, within(1e-8));
        MvcTestResult assets = api.as(owner).get("/api/v1/campaign-assets/assets?spaceId=" + id + "&size=50");
        assertThat(Json.<List<String>>read(assets, "$.items[*].externalAssetId")).containsExactlyInAnyOrder("501", "502");

        MvcTestResult again = synced(api, owner, id, SYNC);
        assertThat(Json.<String>read(again, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(Json.<String>read(again, "$.replacedEntered")).isNull();
        MvcTestResult after = api.as(owner).get("/api/v1/campaign-spaces/" + id);
        assertThat(Json.<Integer>read(after, "$.performance.impressions")).isEqualTo(2300);
        assertThat(Json.<Double>read(after, "$.performance.spend")).isEqualTo(22.5);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaign-assets/assets?spaceId=" + id + "&size=50"),
                "$.items[*].externalAssetId")).hasSize(2);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + id),
                "$.items[*].source")).containsExactly("PLATFORM_API", "PLATFORM_API");
    }

    @Test
    void aRevokedTokenOrARateLimitFailsTheImportWithGooglesReason() {
        Member owner = workspaces.workspace("Google refusals");
        connect(api, owner, FakeGoogleAds.REVOKED);
        String id = space(owner, api, campaigns, "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN);
        MvcTestResult revoked = synced(api, owner, id, SYNC);
        assertThat(Json.<String>read(revoked, "$.status")).isEqualTo("FAILED");
        assertThat(Json.<String>read(revoked, "$.failure")).contains("refresh token").contains("expired or revoked");

        Member other = workspaces.workspace("Google limited");
        connect(api, other, "good-refresh-token");
        String limited = space(other, api, campaigns, "GOOGLE_ADS", FakeGoogleAds.RATE_LIMITED_CAMPAIGN);
        MvcTestResult refused = synced(api, other, limited, SYNC);
        assertThat(Json.<String>read(refused, "$.status")).isEqualTo("FAILED");
        assertThat(Json.<String>read(refused, "$.failure")).contains("limiting").contains("Retry in 30 seconds");
    }

    @Test
    void viewersCannotSyncAnotherWorkspaceGets404AndASpaceWithoutAConnectionSaysSo() {
        Member owner = workspaces.workspace("Google sync roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Google sync away");
        String id = space(owner, api, campaigns, "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN);
        assertThat(api.as(owner).post("/api/v1/campaign-spaces/" + id + "/sync", SYNC)).hasStatus(404);
        connect(api, owner, "good-refresh-token");

        assertThat(api.as(viewer).post("/api/v1/campaign-spaces/" + id + "/sync", SYNC)).hasStatus(403);
        connect(api, stranger, "good-refresh-token");
        assertThat(api.as(stranger).post("/api/v1/campaign-spaces/" + id + "/sync", SYNC)).hasStatus(404);
        assertThat(api.as(owner).post("/api/v1/campaign-spaces/" + id + "/sync",
                "{\"from\":\"2026-10-03\",\"to\":\"2026-10-01\"}")).hasStatus(400);
        String pinterest = space(owner, api, campaigns, "PINTEREST", "1");
        assertThat(api.as(owner).post("/api/v1/campaign-spaces/" + pinterest + "/sync", SYNC)).hasStatus(400);
    }
}
