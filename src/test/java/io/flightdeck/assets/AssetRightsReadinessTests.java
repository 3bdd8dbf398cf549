package io.flightdeck.assets;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage rights in a campaign's readiness: an expired asset the campaign uses blocks marking it ready and launching it,
 * even forced; rights ending before the campaign does and a licence that leaves out a channel are warnings; the
 * expiring list shows what runs out soon.
 */
@FlightdeckTest
class AssetRightsReadinessTests {

    private static final String ASSETS = "/api/v1/campaign-assets";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    /** A campaign that is otherwise ready: dates, budget, owner, channels, description; scored against threshold 0. */
    private String readyCampaign(Member owner, String name) {
        assertThat(api.as(owner).put("/api/v1/campaign-settings", "{\"readinessThreshold\":0}")).hasStatusOk();
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns", """
                {"name":"%s","type":"OTHER","description":"Autumn launch","startDate":"2027-09-01","endDate":"2027-10-31",
                 "budget":{"amount":1000,"currency":"EUR"},"ownerId":"%s","channels":["INSTAGRAM","LINKEDIN"]}"""
                .formatted(name, owner.userId()));
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + id + "/plan")).hasStatusOk();
        return id;
    }

    private String asset(Member owner, String campaignId, String name, int seed) {
        MvcTestResult uploaded = api.as(owner).upload(ASSETS + "/assets", name, AssetSamples.png(seed, 40, 40),
                "campaignId", campaignId);
        assertThat(uploaded).hasStatus(201);
        return Json.read(uploaded, "$.asset.id");
    }

    private void rights(Member owner, String assetId, String name, String rights) {
        assertThat(api.as(owner).put(ASSETS + "/" + assetId, "{\"name\":\"%s\",\"type\":\"IMAGE\",\"rights\":%s}"
                .formatted(name, rights))).hasStatusOk();
    }

    private List<Object> item(Member owner, String campaignId, String key, String field) {
        return Json.read(api.as(owner).get("/api/v1/campaigns/" + campaignId + "/readiness"),
                "$.items[?(@.key == '" + key + "')]." + field);
    }

    @Test
    void anExpiredAssetBlocksMarkingReadyAndLaunchingUntilItsRightsAreRenewed() throws Exception {
        Member owner = workspaces.withoutApprovals("Rights expired");
        String campaign = readyCampaign(owner, "Autumn");
        String asset = asset(owner, campaign, "stock-beach.png", 1);
        rights(owner, asset, "stock-beach.png", "{\"licence\":\"Stock\",\"expiresOn\":\"2020-01-31\"}");

        assertThat(item(owner, campaign, "assets.rights", "done")).containsExactly(false);
        assertThat(item(owner, campaign, "assets.rights", "blocking")).containsExactly(true);
        assertThat((String) item(owner, campaign, "assets.rights", "reason").get(0)).contains("stock-beach.png", "2020-01-31");
        MvcTestResult markReady = api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready");
        assertThat(markReady).hasStatus(409);
        assertThat((String) Json.read(markReady, "$.type")).endsWith("/launch-blocked");
        assertThat(markReady.getResponse().getContentAsString()).contains("assets.rights");

        rights(owner, asset, "stock-beach.png", "{\"licence\":\"Stock\",\"expiresOn\":\"2030-01-31\"}");
        assertThat(item(owner, campaign, "assets.rights", "done")).containsExactly(true);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/launch", "{\"confirm\":true}")).hasStatusOk();
    }

    @Test
    void anArchivedAssetNoLongerCountsAgainstTheCampaign() {
        Member owner = workspaces.withoutApprovals("Rights archived");
        String campaign = readyCampaign(owner, "Winter");
        String asset = asset(owner, campaign, "old.png", 2);
        rights(owner, asset, "old.png", "{\"expiresOn\":\"2020-01-31\"}");
        assertThat(item(owner, campaign, "assets.rights", "done")).containsExactly(false);

        assertThat(api.as(owner).delete(ASSETS + "/" + asset)).hasStatus(204);
        assertThat(item(owner, campaign, "assets.rights", "done")).isEmpty();
    }

    @Test
    void rightsEndingBeforeTheCampaignAndAMissingChannelAreWarnings() {
        Member owner = workspaces.withoutApprovals("Rights warnings");
        String campaign = readyCampaign(owner, "Spring");
        String asset = asset(owner, campaign, "model-shot.png", 3);
        rights(owner, asset, "model-shot.png", "{\"expiresOn\":\"2027-10-01\",\"allowedChannels\":[\"INSTAGRAM\"]}");

        assertThat(item(owner, campaign, "assets.rights", "done")).containsExactly(true);
        assertThat(item(owner, campaign, "assets.rights-end", "done")).containsExactly(false);
        assertThat(item(owner, campaign, "assets.rights-end", "blocking")).containsExactly(false);
        assertThat(item(owner, campaign, "assets.rights-end", "warnsAtLaunch")).containsExactly(true);
        assertThat(item(owner, campaign, "assets.channels", "done")).containsExactly(false);
        assertThat((String) item(owner, campaign, "assets.channels", "reason").get(0)).contains("model-shot.png", "LinkedIn");
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/mark-ready")).hasStatusOk();
    }

    @Test
    void aCampaignWithoutAssetsGetsNoAssetItems() {
        Member owner = workspaces.withoutApprovals("Rights none");
        String campaign = readyCampaign(owner, "Empty");
        List<String> keys = Json.read(api.as(owner).get("/api/v1/campaigns/" + campaign + "/readiness"), "$.items[*].key");
        assertThat(keys).noneMatch(k -> k.startsWith("assets."));
    }

    @Test
    void theExpiringListShowsWhatRunsOutWithinTheDaysAskedSoonestFirst() {
        Member owner = workspaces.workspace("Rights expiring");
        String soon = Json.read(api.as(owner).upload(ASSETS + "/assets", "soon.png", AssetSamples.png(4, 20, 20)), "$.asset.id");
        String later = Json.read(api.as(owner).upload(ASSETS + "/assets", "later.png", AssetSamples.png(5, 20, 20)), "$.asset.id");
        String gone = Json.read(api.as(owner).upload(ASSETS + "/assets", "gone.png", AssetSamples.png(6, 20, 20)), "$.asset.id");
        Json.read(api.as(owner).upload(ASSETS + "/assets", "forever.png", AssetSamples.png(7, 20, 20)), "$.asset.id");
        LocalDate today = LocalDate.now();
        rights(owner, soon, "soon.png", "{\"expiresOn\":\"" + today.plusDays(10) + "\"}");
        rights(owner, later, "later.png", "{\"expiresOn\":\"" + today.plusDays(90) + "\"}");
        rights(owner, gone, "gone.png", "{\"expiresOn\":\"" + today.minusDays(3) + "\"}");

        List<String> expiring = Json.read(api.as(owner).get(ASSETS + "/expiring"), "$.items[*].name");
        assertThat(expiring).containsExactly("gone.png", "soon.png");
        List<String> quarter = Json.read(api.as(owner).get(ASSETS + "/expiring?days=120"), "$.items[*].name");
        assertThat(quarter).containsExactly("gone.png", "soon.png", "later.png");
        assertThat(api.as(owner).get(ASSETS + "/expiring?days=-1")).hasStatus(400);
    }
}
