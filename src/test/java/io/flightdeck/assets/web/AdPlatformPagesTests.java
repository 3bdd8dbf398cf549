package io.flightdeck.assets.web;

import java.util.List;

import io.flightdeck.assets.platforms.FakeGoogleAds;
import io.flightdeck.assets.platforms.GoogleAdsSyncTests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The ad-platform connections page and a space's sync panel through MockMvc: admins add (errors beside the fields,
 * credentials never put back into the page), rename and remove; everyone else reads without forms and a crafted post
 * is refused; another workspace's connection or space is not found; the panel says why a space cannot sync yet, and a
 * sync from it lands an import whose row says what it changed.
 */
@FlightdeckTest
class AdPlatformPagesTests {

    private static final String PAGE = "/settings/ad-platforms";
    private static final String[] GOOGLE = {"platform", "GOOGLE_ADS", "name", "Roastery Google",
            "accountId", "123-456-7890", "loginCustomerId", "", "developerToken", "dev-token-secret",
            "oauthClientId", "client-id-secret", "oauthClientSecret", "client-secret-secret",
            "refreshToken", "good-refresh-token"};

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;

    private static String[] with(String[] fields, String name, String value) {
        String[] changed = fields.clone();
        for (int i = 0; i < changed.length; i += 2) {
            if (changed[i].equals(name)) {
                changed[i + 1] = value;
            }
        }
        return changed;
    }

    private String connectionId(Member owner, String name) {
        List<String> ids = Json.read(api.as(owner).get("/api/v1/ad-platform-connections"),
                "$[?(@.name == '" + name + "')].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private String space(Member owner, String platform, String externalCampaignId) {
        String campaign = campaigns.create(owner, "Sync pages " + platform);
        String external = externalCampaignId == null ? "" : ",\"externalCampaignId\":\"" + externalCampaignId + "\"";
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces", ("{\"campaignId\":\"%s\",\"name\":\"%s space\","
                + "\"platform\":\"%s\"%s,\"budget\":{\"amount\":1000,\"currency\":\"EUR\"}}")
                .formatted(campaign, platform, platform, external));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult htmxPost(MockHttpSession session, String path, String... params) {
        var request = mvc.post().uri(path).session(session).with(csrf()).header("HX-Request", "true");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void adminsAddRenameAndRemoveAndCredentialsNeverComeBack() {
        Member owner = workspaces.workspace("Ad platform pages");
        MockHttpSession session = web.signIn(owner);
        String empty = web.page(session, PAGE);
        assertThat(empty).contains("No ad platform connected yet").contains("Connect Google Ads")
                .contains("Connect Meta").contains("type=\"password\"");
        assertThat(web.page(session, "/settings")).contains(PAGE);

        // the page's own checks and the service's, each beside its field; the typed credentials are not put back
        MvcTestResult blank = web.post(session, PAGE, with(with(GOOGLE, "name", " "), "accountId", "12345"));
        assertThat(blank).hasStatus(400);
        String refused = Json.body(blank);
        assertThat(refused).contains("id=\"google-name-error\"").contains("Give the connection a name")
                .doesNotContain("dev-token-secret").doesNotContain("good-refresh-token");
        MvcTestResult badAccount = web.post(session, PAGE, with(GOOGLE, "accountId", "12345"));
        assertThat(badAccount).hasStatus(400);
        assertThat(Json.body(badAccount)).contains("id=\"google-account-error\"")
                .contains("a Google Ads customer id is ten digits").contains("value=\"Roastery Google\"")
                .doesNotContain("dev-token-secret").doesNotContain("good-refresh-token");
        MvcTestResult noToken = web.post(session, PAGE, "platform", "META", "name", "Roastery Meta",
                "accountId", "act_123", "accessToken", "");
        assertThat(noToken).hasStatus(400);
        assertThat(Json.body(noToken)).contains("id=\"meta-token-error\"").contains("must not be blank");
        assertThat(Json.<List<Object>>read(api.as(owner).get("/api/v1/ad-platform-connections"), "$")).isEmpty();

        MvcTestResult added = web.post(session, PAGE, GOOGLE);
        assertThat(added).hasStatus3xxRedirection();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(PAGE);
        assertThat(((Flash) added.getMvcResult().getFlashMap().get(Flash.KEY)).message())
                .contains("Roastery Google connected");
        String listed = web.page(session, PAGE);
        assertThat(listed).contains("Roastery Google").contains("1234567890").doesNotContain("dev-token-secret")
                .doesNotContain("client-id-secret").doesNotContain("client-secret-secret")
                .doesNotContain("good-refresh-token").doesNotContain("No ad platform connected yet")
                .contains("They cannot sync until another Google Ads connection is added");
        String id = connectionId(owner, "Roastery Google");

        assertThat(web.post(session, PAGE + "/" + id + "/rename", "name", " ")).hasStatus(400);
        MvcTestResult renamed = web.post(session, PAGE + "/" + id + "/rename", "name", "Roastery search ads");
        assertThat(renamed).hasStatus3xxRedirection();
        assertThat(web.page(session, PAGE)).contains("Roastery search ads");

        MvcTestResult removed = web.post(session, PAGE + "/" + id + "/delete");
        assertThat(removed).hasStatus3xxRedirection();
        assertThat(Json.<List<Object>>read(api.as(owner).get("/api/v1/ad-platform-connections"), "$")).isEmpty();
    }

    @Test
    void othersReadWithoutFormsAndAnotherWorkspaceFindsNothing() {
        Member owner = workspaces.workspace("Ad platform roles");
        MockHttpSession ownerSession = web.signIn(owner);
        assertThat(web.post(ownerSession, PAGE, GOOGLE)).hasStatus3xxRedirection();
        String id = connectionId(owner, "Roastery Google");

        for (Role role : List.of(Role.VIEWER, Role.CONTRIBUTOR, Role.MANAGER)) {
            MockHttpSession session = web.signIn(workspaces.addMember(owner, role));
            String page = web.page(session, PAGE);
            assertThat(page).as(role.name()).contains("Roastery Google").doesNotContain("Connect Google Ads")
                    .doesNotContain("type=\"password\"").doesNotContain("/rename").doesNotContain("/delete")
                    .contains("Only admins add, rename and remove");
            assertThat(web.post(session, PAGE, GOOGLE)).as(role.name()).hasStatus(403);
            assertThat(web.post(session, PAGE + "/" + id + "/rename", "name", "Mine")).hasStatus(403);
            assertThat(web.post(session, PAGE + "/" + id + "/delete")).hasStatus(403);
        }
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/ad-platform-connections"), "$[*].name"))
                .containsExactly("Roastery Google");

        MockHttpSession stranger = web.signIn(workspaces.workspace("Ad platform stranger"));
        assertThat(web.page(stranger, PAGE)).doesNotContain("Roastery Google").contains("No ad platform connected yet");
        assertThat(web.post(stranger, PAGE + "/" + id + "/rename", "name", "Taken")).hasStatus(404);
        assertThat(web.post(stranger, PAGE + "/" + id + "/delete")).hasStatus(404);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/ad-platform-connections"), "$[*].name"))
                .containsExactly("Roastery Google");
    }

    @Test
    void thePanelSaysWhyASpaceCannotSyncThenSyncs() {
        Member owner = workspaces.workspace("Sync panel");
        MockHttpSession session = web.signIn(owner);
        String noId = space(owner, "GOOGLE_ADS", null);
        String google = space(owner, "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN);
        String tiktok = space(owner, "TIKTOK", "77");

        assertThat(web.page(session, "/spaces/" + google)).contains("id=\"space-sync\"")
                .contains("hx-get=\"/spaces/" + google + "/sync\"");
        assertThat(web.page(session, "/spaces/" + tiktok)).doesNotContain("id=\"space-sync\"");
        assertThat(web.fragment(session, "/spaces/" + tiktok + "/sync")).doesNotContain("space-sync");
        assertThat(web.fragment(session, "/spaces/" + noId + "/sync")).contains("Sync from Google Ads")
                .contains("names no Google Ads campaign id").contains("/spaces/" + noId + "/edit")
                .doesNotContain("name=\"from\"");
        assertThat(web.fragment(session, "/spaces/" + google + "/sync"))
                .contains("The workspace has no Google Ads connection yet").contains("href=\"/settings/ad-platforms\"")
                .contains("Add a Google Ads connection").doesNotContain("name=\"from\"")
                .contains("No imports yet");

        assertThat(web.post(session, PAGE, GOOGLE)).hasStatus3xxRedirection();
        assertThat(web.post(session, PAGE, with(GOOGLE, "name", "Second Google"))).hasStatus3xxRedirection();
        String second = connectionId(owner, "Second Google");
        String panel = web.fragment(session, "/spaces/" + google + "/sync");
        assertThat(panel).contains("name=\"connectionId\"").contains("Second Google").contains("name=\"from\"")
                .contains("name=\"to\"").contains(">Sync</button>");

        MvcTestResult backwards = htmxPost(session, "/spaces/" + google + "/sync", "connectionId", second,
                "from", "2026-10-03", "to", "2026-10-01");
        assertThat(backwards).hasStatusOk();
        assertThat(Json.body(backwards)).contains("id=\"sync-from-error\"").contains("the range starts after it ends");

        MvcTestResult synced = htmxPost(session, "/spaces/" + google + "/sync", "connectionId", second,
                "from", "2026-10-01", "to", "2026-10-02");
        assertThat(synced).hasStatusOk();
        String after = Json.body(synced);
        String importId = Json.read(api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + google), "$.items[0].id");
        // the sync is a job: its row comes back (running, it asks for itself again until it has ended)
        assertThat(after).contains("Google Ads sync 2026-10-01 to 2026-10-02").contains("href=\"/imports/" + importId + "\"");
        GoogleAdsSyncTests.awaitImport(api, owner, importId);
        assertThat(Json.<Integer>read(api.as(owner).get("/api/v1/campaign-spaces/" + google), "$.performance.impressions"))
                .isEqualTo(2300);
        String row = web.fragment(session, "/spaces/" + google + "/sync/imports/" + importId);
        assertThat(row).contains("sync-import-" + importId).contains("3 rows written").doesNotContain("hx-trigger");

        // without htmx the form leads to the import's own page
        MvcTestResult plain = web.post(session, "/spaces/" + google + "/sync", "connectionId", second);
        assertThat(plain).hasStatus3xxRedirection();
        assertThat(plain.getResponse().getRedirectedUrl()).startsWith("/imports/");
    }

    @Test
    void viewersSeeThePanelWithoutTheFormAndStrangersFindNothing() {
        Member owner = workspaces.workspace("Sync panel roles");
        MockHttpSession ownerSession = web.signIn(owner);
        assertThat(web.post(ownerSession, PAGE, GOOGLE)).hasStatus3xxRedirection();
        String google = space(owner, "GOOGLE_ADS", FakeGoogleAds.CAMPAIGN);

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.fragment(viewer, "/spaces/" + google + "/sync")).contains("Sync from Google Ads")
                .doesNotContain("name=\"from\"").doesNotContain(">Sync</button>");
        assertThat(htmxPost(viewer, "/spaces/" + google + "/sync")).hasStatus(403);
        assertThat(Json.<Integer>read(api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + google), "$.total"))
                .isZero();

        Member strangerOwner = workspaces.workspace("Sync panel stranger");
        MockHttpSession stranger = web.signIn(strangerOwner);
        assertThat(web.post(stranger, PAGE, GOOGLE)).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/spaces/" + google + "/sync").header("HX-Request", "true").session(stranger)
                .exchange()).hasStatus(404);
        assertThat(htmxPost(stranger, "/spaces/" + google + "/sync")).hasStatus(404);
        assertThat(Json.<Integer>read(api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + google), "$.total"))
                .isZero();
    }
}
