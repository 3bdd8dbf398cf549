package io.flightdeck.assets.platforms;

import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Meta space synced from the fake insights edge: pages followed, spend and purchases read, a second sync changing
 * nothing, a rate limit and an expired token kept on the import.
 */
@FlightdeckTest
class MetaInsightsSyncTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private void connect(Member owner, String token) {
        assertThat(api.as(owner).post(AdPlatformConnectionsApiTests.BASE,
                AdPlatformConnectionsApiTests.meta("Meta").replace("meta-token-secret", token))).hasStatus(201);
    }

    @Test
    void aSyncFollowsEveryPageAndASecondChangesNothing() {
        Member owner = workspaces.workspace("Meta sync");
        connect(owner, "good-meta-token");
        String id = GoogleAdsSyncTests.space(owner, api, campaigns, "META", FakeMetaInsights.CAMPAIGN);

        for (int run = 0; run < 2; run++) {
            MvcTestResult synced = GoogleAdsSyncTests.synced(api, owner, id, GoogleAdsSyncTests.SYNC);
            assertThat(Json.<String>read(synced, "$.status")).isEqualTo("SUCCEEDED");
            assertThat(Json.<Integer>read(synced, "$.rowsImported")).isEqualTo(3);
            MvcTestResult space = api.as(owner).get("/api/v1/campaign-spaces/" + id);
            assertThat(Json.<Integer>read(space, "$.performance.impressions")).isEqualTo(2200);
            assertThat(Json.<Integer>read(space, "$.performance.clicks")).isEqualTo(46);
            assertThat(Json.<Integer>read(space, "$.performance.conversions")).isEqualTo(3);
            assertThat(Json.<Double>read(space, "$.performance.spend")).isEqualTo(22.85);
            assertThat(Json.<Double>read(space, "$.performance.revenue")).isEqualTo(69.7);
            assertThat(Json.<Double>read(space, "$.performance.roas")).isEqualTo(3.0503);
        }
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaign-assets/assets?spaceId=" + id),
                "$.items[*].name")).containsExactlyInAnyOrder("Carousel beans", "Reel roast");
    }

    @Test
    void aRateLimitOrAnExpiredTokenFailsTheImportWithMetasReason() {
        Member owner = workspaces.workspace("Meta limited");
        connect(owner, "good-meta-token");
        String limited = GoogleAdsSyncTests.space(owner, api, campaigns, "META", FakeMetaInsights.RATE_LIMITED_CAMPAIGN);
        MvcTestResult refused = GoogleAdsSyncTests.synced(api, owner, limited, GoogleAdsSyncTests.SYNC);
        assertThat(Json.<String>read(refused, "$.status")).isEqualTo("FAILED");
        assertThat(Json.<String>read(refused, "$.failure")).contains("code 17").contains("User request limit reached");

        Member expired = workspaces.workspace("Meta expired");
        connect(expired, FakeMetaInsights.EXPIRED);
        String id = GoogleAdsSyncTests.space(expired, api, campaigns, "META", FakeMetaInsights.CAMPAIGN);
        MvcTestResult failed = GoogleAdsSyncTests.synced(api, expired, id, GoogleAdsSyncTests.SYNC);
        assertThat(Json.<String>read(failed, "$.failure")).contains("access token").contains("Session has expired");
    }

    @Test
    void aCampaignOfAnotherAdAccountOrAnotherCurrencyIsRefusedWithTheReasonAndNothingImported() {
        Member owner = workspaces.workspace("Meta checks");
        connect(owner, "good-meta-token");
        String other = GoogleAdsSyncTests.space(owner, api, campaigns, "META", FakeMetaInsights.OTHER_ACCOUNT_CAMPAIGN);
        MvcTestResult refused = GoogleAdsSyncTests.synced(api, owner, other, GoogleAdsSyncTests.SYNC);
        assertThat(Json.<String>read(refused, "$.status")).isEqualTo("FAILED");
        assertThat(Json.<String>read(refused, "$.failure")).contains("belongs to ad account act_9999999999")
                .contains("act_1234567890");

        String campaign = campaigns.create(owner, "Dollar campaign");
        String dollars = Json.read(api.as(owner).post("/api/v1/campaign-spaces", ("{\"campaignId\":\"%s\",\"name\":"
                + "\"Dollars\",\"platform\":\"META\",\"externalCampaignId\":\"%s\",\"budget\":{\"amount\":10,"
                + "\"currency\":\"USD\"}}").formatted(campaign, FakeMetaInsights.CAMPAIGN)), "$.id");
        MvcTestResult mismatch = GoogleAdsSyncTests.synced(api, owner, dollars, GoogleAdsSyncTests.SYNC);
        assertThat(Json.<String>read(mismatch, "$.status")).isEqualTo("FAILED");
        assertThat(Json.<String>read(mismatch, "$.failure")).contains("reports in EUR").contains("budget is in USD");
        MvcTestResult space = api.as(owner).get("/api/v1/campaign-spaces/" + dollars);
        assertThat(Json.<Integer>read(space, "$.performance.impressions")).isZero();
        assertThat(Json.<Object>read(space, "$.performance.roas")).isNull();
    }
}
