package io.flightdeck.assets;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Campaign spaces over REST: create, read, list filters and paging, validation, archive and restore, tenancy, roles. */
@FlightdeckTest
class CampaignSpacesApiTests {

    private static final String BASE = "/api/v1/campaign-spaces";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private static String body(String campaignId, String name, String platform, String... extra) {
        StringBuilder json = new StringBuilder("{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"%s\""
                .formatted(campaignId, name, platform));
        for (String member : extra) {
            json.append(',').append(member);
        }
        return json.append('}').toString();
    }

    private String createId(Member as, String body) {
        MvcTestResult created = api.as(as).post(BASE, body);
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private List<String> names(Member as, String query) {
        MvcTestResult list = api.as(as).get(BASE + "?size=100&" + query);
        assertThat(list).hasStatusOk();
        return Json.read(list, "$.items[*].name");
    }

    @Test
    void createAnswers201WithEverySeedFieldAndGetReadsItBack() {
        Member owner = workspaces.workspace("Spaces create");
        String campaign = campaigns.create(owner, "Summer sale");
        MvcTestResult created = api.as(owner).post(BASE, body(campaign, "  Summer – Google  ", "GOOGLE_ADS",
                "\"description\":\"Search creatives\"", "\"externalCampaignId\":\"18293847561\"",
                "\"objective\":\"Conversions\"", "\"audience\":\"Returning customers\"",
                "\"budget\":{\"amount\":5000.00,\"currency\":\"usd\"}", "\"importSource\":\"CSV_IMPORT\"",
                "\"tags\":[\" summer \",\"sale\",\" \"]", "\"category\":\"Seasonal\""));

        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(BASE + "/" + id);
        assertThat(created.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
        assertThat((String) Json.read(created, "$.name")).isEqualTo("Summer – Google");
        assertThat((String) Json.read(created, "$.campaignId")).isEqualTo(campaign);
        assertThat((String) Json.read(created, "$.platform")).isEqualTo("GOOGLE_ADS");
        assertThat((String) Json.read(created, "$.budget.currency")).isEqualTo("USD");
        assertThat((List<String>) Json.read(created, "$.tags")).containsExactly("sale", "summer");
        assertThat((String) Json.read(created, "$.importSource")).isEqualTo("CSV_IMPORT");
        assertThat((String) Json.read(created, "$.importedAt")).isNotNull();
        assertThat((Boolean) Json.read(created, "$.active")).isTrue();
        assertThat((Boolean) Json.read(created, "$.archived")).isFalse();
        assertThat((Boolean) Json.read(created, "$.template")).isFalse();
        assertThat((Integer) Json.read(created, "$.assetCount")).isZero();
        assertThat(((Number) Json.read(created, "$.totalAssetSizeBytes")).longValue()).isZero();

        MvcTestResult read = api.as(owner).get(BASE + "/" + id);
        assertThat(read).hasStatusOk();
        assertThat(Json.body(read)).isEqualTo(Json.body(created));
    }

    @Test
    void badInputAnswers400ProblemsAndAnUnknownCampaign404() {
        Member owner = workspaces.workspace("Spaces invalid");
        String campaign = campaigns.create(owner, "Validated");

        MvcTestResult badPlatform = api.as(owner).post(BASE, body(campaign, "Bad", "MYSPACE"));
        assertThat(badPlatform).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.as(owner).post(BASE, body(campaign, "Negative", "META", "\"budget\":{\"amount\":-1,\"currency\":\"EUR\"}")))
                .hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.as(owner).post(BASE, body(campaign, "Money", "META", "\"budget\":{\"amount\":10,\"currency\":\"XYZ\"}")))
                .hasStatus(400);
        assertThat(api.as(owner).post(BASE, body(campaign, " ", "META"))).hasStatus(400);
        assertThat(api.as(owner).post(BASE, "{\"name\":\"No campaign\",\"platform\":\"META\"}")).hasStatus(400);

        MvcTestResult missing = api.as(owner).post(BASE, body(UUID.randomUUID().toString(), "Nowhere", "META"));
        assertThat(missing).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(names(owner, "search=Nowhere")).isEmpty();

        String id = createId(owner, body(campaign, "Measured", "META"));
        assertThat(api.as(owner).post(BASE + "/" + id + "/update-performance",
                "{\"impressions\":10,\"clicks\":20,\"conversions\":1,\"spend\":5}")).hasStatus(400);
        assertThat(api.as(owner).post(BASE + "/" + id + "/update-performance",
                "{\"impressions\":10,\"clicks\":2,\"conversions\":1,\"spend\":-5}")).hasStatus(400);
    }

    @Test
    void listFiltersSearchesAndPages() {
        Member owner = workspaces.workspace("Spaces list");
        String summer = campaigns.create(owner, "Summer");
        String winter = campaigns.create(owner, "Winter");
        createId(owner, body(summer, "Summer Google", "GOOGLE_ADS", "\"tags\":[\"hero\"]"));
        createId(owner, body(summer, "Summer Meta", "META"));
        String template = createId(owner, body(winter, "Winter LinkedIn", "LINKEDIN"));
        createId(owner, body(winter, "100% Winter_Meta", "META"));

        assertThat(names(owner, "campaignId=" + summer)).containsExactlyInAnyOrder("Summer Google", "Summer Meta");
        assertThat(names(owner, "platform=META")).containsExactlyInAnyOrder("Summer Meta", "100% Winter_Meta");
        assertThat(names(owner, "search=summer")).containsExactlyInAnyOrder("Summer Google", "Summer Meta");
        // a literal % and _ match themselves, not any text
        MvcTestResult percent = mvc.get().uri(java.net.URI.create(BASE + "?search=100%25"))
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat((List<String>) Json.read(percent, "$.items[*].name")).containsExactly("100% Winter_Meta");
        assertThat(names(owner, "search=r_m")).containsExactly("100% Winter_Meta");
        assertThat(names(owner, "tag=hero")).containsExactly("Summer Google");
        assertThat(api.as(owner).get(BASE + "?platform=MYSPACE")).hasStatus(400);

        assertThat(api.as(owner).post(BASE + "/" + template + "/mark-as-template")).hasStatusOk();
        assertThat(names(owner, "template=true")).containsExactly("Winter LinkedIn");
        MvcTestResult templates = api.as(owner).get(BASE + "/templates");
        assertThat(templates).hasStatusOk();
        assertThat((List<String>) Json.read(templates, "$.items[*].name")).containsExactly("Winter LinkedIn");

        MvcTestResult first = api.as(owner).get(BASE + "?size=3");
        assertThat((Integer) Json.read(first, "$.total")).isEqualTo(4);
        assertThat((Integer) Json.read(first, "$.totalPages")).isEqualTo(2);
        assertThat((List<String>) Json.read(first, "$.items")).hasSize(3);
        MvcTestResult second = api.as(owner).get(BASE + "?size=3&page=1");
        assertThat((List<String>) Json.read(second, "$.items")).hasSize(1);
    }

    @Test
    void updateTakesIfMatchAndPerformanceFeedsTheStats() {
        Member owner = workspaces.workspace("Spaces update");
        String campaign = campaigns.create(owner, "Updated");
        String id = createId(owner, body(campaign, "Before", "TIKTOK", "\"budget\":{\"amount\":100,\"currency\":\"EUR\"}"));

        MvcTestResult updated = api.as(owner).ifMatch("\"0\"").put(BASE + "/" + id,
                body(campaign, "After", "TIKTOK", "\"budget\":{\"amount\":100,\"currency\":\"EUR\"}", "\"active\":false"));
        assertThat(updated).hasStatusOk();
        assertThat((String) Json.read(updated, "$.name")).isEqualTo("After");
        assertThat((Boolean) Json.read(updated, "$.active")).isFalse();
        assertThat(api.as(owner).ifMatch("\"0\"").put(BASE + "/" + id, body(campaign, "Stale", "TIKTOK"))).hasStatus(412);

        MvcTestResult stats = api.as(owner).get(BASE + "/" + id + "/stats");
        assertThat(stats).hasStatusOk();
        assertThat((Object) Json.read(stats, "$.clickThroughRate")).isNull();

        MvcTestResult measured = api.as(owner).post(BASE + "/" + id + "/update-performance",
                "{\"impressions\":1000,\"clicks\":50,\"conversions\":5,\"spend\":25}");
        assertThat(measured).hasStatusOk();
        assertThat(Json.body(api.as(owner).get(BASE + "/" + id))).isEqualTo(Json.body(measured));
        stats = api.as(owner).get(BASE + "/" + id + "/stats");
        assertThat(((Number) Json.read(stats, "$.impressions")).longValue()).isEqualTo(1000);
        assertThat(((Number) Json.read(stats, "$.clickThroughRate")).doubleValue()).isEqualTo(0.05);
        assertThat(((Number) Json.read(stats, "$.costPerClick")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) Json.read(stats, "$.costPerConversion")).doubleValue()).isEqualTo(5.0);
        assertThat((String) Json.read(stats, "$.currency")).isEqualTo("EUR");
    }

    @Test
    void softDeleteArchivesRestoreBringsBackAndHardDeleteRemoves() {
        Member owner = workspaces.workspace("Spaces trash");
        String campaign = campaigns.create(owner, "Trash");
        String id = createId(owner, body(campaign, "Archived one", "REDDIT"));

        assertThat(api.as(owner).delete(BASE + "/" + id)).hasStatus(204);
        assertThat(names(owner, "")).doesNotContain("Archived one");
        assertThat(names(owner, "archived=true")).containsExactly("Archived one");
        MvcTestResult archived = api.as(owner).get(BASE + "/" + id);
        assertThat((Boolean) Json.read(archived, "$.archived")).isTrue();
        assertThat(api.as(owner).put(BASE + "/" + id, body(campaign, "Changed", "REDDIT"))).hasStatus(409);
        assertThat(api.as(owner).delete(BASE + "/" + id)).hasStatus(409);

        MvcTestResult restored = api.as(owner).post(BASE + "/" + id + "/restore");
        assertThat(restored).hasStatusOk();
        assertThat((Boolean) Json.read(restored, "$.archived")).isFalse();
        assertThat((Boolean) Json.read(restored, "$.active")).isTrue();
        assertThat(names(owner, "")).containsExactly("Archived one");
        assertThat(api.as(owner).post(BASE + "/" + id + "/restore")).hasStatus(409);

        assertThat(api.as(owner).delete(BASE + "/" + id + "?permanent=true")).hasStatus(204);
        assertThat(api.as(owner).get(BASE + "/" + id)).hasStatus(404);
        assertThat(names(owner, "archived=true")).isEmpty();
    }

    @Test
    void anotherWorkspaceSeesNothingAndCannotUseItsCampaign() {
        Member owner = workspaces.workspace("Spaces home");
        Member stranger = workspaces.workspace("Spaces away");
        String campaign = campaigns.create(owner, "Private");
        String id = createId(owner, body(campaign, "Private space", "PINTEREST"));

        assertThat(api.as(stranger).get(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/" + id + "/stats")).hasStatus(404);
        assertThat(api.as(stranger).put(BASE + "/" + id, body(campaign, "Taken", "PINTEREST"))).hasStatus(404);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/mark-as-template")).hasStatus(404);
        assertThat(api.as(stranger).delete(BASE + "/" + id)).hasStatus(404);
        assertThat(api.as(stranger).delete(BASE + "/" + id + "?permanent=true")).hasStatus(404);
        assertThat(api.as(stranger).post(BASE, body(campaign, "Into theirs", "META"))).hasStatus(404);
        assertThat(names(stranger, "")).isEmpty();
        assertThat(names(stranger, "campaignId=" + campaign)).isEmpty();
        assertThat((String) Json.read(api.as(owner).get(BASE + "/" + id), "$.name")).isEqualTo("Private space");
    }

    @Test
    void viewersAndReadOnlyKeysReadButNeverWriteAndOnlyManagersDeleteForGood() {
        Member owner = workspaces.workspace("Spaces roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Roles");
        String id = createId(contributor, body(campaign, "Contributed", "SNAPCHAT"));

        assertThat(api.as(viewer).get(BASE + "/" + id)).hasStatusOk();
        assertThat(api.as(viewer).post(BASE, body(campaign, "Viewer's", "META"))).hasStatus(403);
        assertThat(api.as(viewer).put(BASE + "/" + id, body(campaign, "Viewer's", "SNAPCHAT"))).hasStatus(403);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/mark-as-template")).hasStatus(403);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/update-performance",
                "{\"impressions\":1,\"clicks\":0,\"conversions\":0,\"spend\":0}")).hasStatus(403);
        assertThat(api.as(viewer).delete(BASE + "/" + id)).hasStatus(403);
        assertThat(api.as(contributor).delete(BASE + "/" + id + "?permanent=true")).hasStatus(403);

        MvcTestResult key = api.as(owner).post("/api/v1/api-keys", "{\"name\":\"Spaces reader\",\"roleCeiling\":\"VIEWER\"}");
        assertThat(key).hasStatus(201);
        String bearer = "Bearer " + Json.<String>read(key, "$.secret");
        assertThat(mvc.get().uri(BASE + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()).hasStatusOk();
        assertThat(mvc.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .content(body(campaign, "Key's", "META")).exchange()).hasStatus(403);
        assertThat(mvc.post().uri(BASE + "/" + id + "/restore").header(HttpHeaders.AUTHORIZATION, bearer).exchange())
                .hasStatus(403);

        assertThat((String) Json.read(api.as(owner).get(BASE + "/" + id), "$.name")).isEqualTo("Contributed");
        assertThat(api.as(contributor).delete(BASE + "/" + id)).hasStatus(204);
        assertThat(api.as(contributor).post(BASE + "/" + id + "/restore")).hasStatusOk();
    }

    @Test
    void spacesOfACampaignInTheTrashLeaveTheListsUntilItIsRestored() {
        Member owner = workspaces.workspace("Spaces trash");
        String kept = campaigns.create(owner, "Kept");
        String trashed = campaigns.create(owner, "Trashed");
        createId(owner, body(kept, "Kept – Meta", "META"));
        String space = createId(owner, body(trashed, "Trashed – Meta", "META"));
        createId(owner, body(trashed, "Trashed template", "META", "\"template\":true"));
        assertThat(names(owner, "")).containsExactlyInAnyOrder("Kept – Meta", "Trashed – Meta", "Trashed template");

        assertThat(api.as(owner).delete("/api/v1/campaigns/" + trashed)).hasStatus(204);
        // the spaces follow the campaign through an event after its commit
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(names(owner, "")).containsExactly("Kept – Meta"));
        assertThat(names(owner, "campaignId=" + trashed)).isEmpty();
        assertThat(names(owner, "template=true")).isEmpty();
        MvcTestResult templates = api.as(owner).get(BASE + "/templates");
        assertThat(templates).hasStatusOk();
        assertThat((List<String>) Json.read(templates, "$.items[*].name")).isEmpty();
        // still readable by id, as anything in the trash is until it is purged
        assertThat(api.as(owner).get(BASE + "/" + space)).hasStatusOk();

        assertThat(api.as(owner).post("/api/v1/campaigns/" + trashed + "/restore")).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(names(owner, ""))
                .containsExactlyInAnyOrder("Kept – Meta", "Trashed – Meta", "Trashed template"));
    }
}
