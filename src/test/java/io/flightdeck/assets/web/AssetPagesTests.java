package io.flightdeck.assets.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.AssetSamples;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The asset pages through MockMvc: the library with its filters and views, htmx fragments, the asset page and drawer
 * with inline errors, reuse, archive with Undo, the pages' upload endpoint, campaign spaces, the campaign card and the
 * settings, for every role, and another workspace's records answering the not-found page.
 */
@FlightdeckTest
class AssetPagesTests {

    private static final String API = "/api/v1/campaign-assets";

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

    // ---- fixtures through the API ----------------------------------------------------------------------------------

    private String space(Member owner, String campaignId, String name) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"META\",\"budget\":{\"amount\":100,\"currency\":\"EUR\"}}"
                        .formatted(campaignId, name));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String upload(Member as, String spaceId, String fileName, byte[] content, String... fields) {
        String path = spaceId == null ? API + "/assets" : API + "/campaign-spaces/" + spaceId + "/assets";
        MvcTestResult created = api.as(as).upload(path, fileName, content, fields);
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.asset.id");
    }

    private String copy(Member as, String name, String headline) {
        MvcTestResult created = api.as(as).post(API, "{\"name\":\"%s\",\"type\":\"HEADLINE\",\"headline\":\"%s\"}"
                .formatted(name, headline));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String fragment(MockHttpSession session, String path) {
        return web.fragment(session, path);
    }

    private MvcTestResult htmxPost(MockHttpSession session, String path, String... params) {
        var request = mvc.post().uri(path).session(session).with(csrf()).header("HX-Request", "true");
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    // ---- the library -----------------------------------------------------------------------------------------------

    @Test
    void anEmptyLibraryExplainsAndOffersUpload() {
        Member owner = workspaces.workspace("Empty library");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/assets")).contains("<html").contains("No assets yet").contains("data-upload-zone")
                .contains("Upload files").contains("Choose files").doesNotContain("No asset matches")
                .contains("href=\"/assets\"");
        assertThat(web.page(session, "/assets?q=anything")).contains("No asset matches").contains("Clear the filters")
                .doesNotContain("No assets yet");
    }

    @Test
    void filtersNarrowTheLibraryAndHtmxGetsOnlyTheResults() {
        Member owner = workspaces.workspace("Filtered library");
        String spring = campaigns.create(owner, "Spring push");
        String autumn = campaigns.create(owner, "Autumn push");
        String springMeta = space(owner, spring, "Spring – Meta");
        String autumnMeta = space(owner, autumn, "Autumn – Meta");
        upload(owner, springMeta, "beach-hero.png", AssetSamples.png(11, 120, 80), "tags", "summer", "tags", "hero");
        upload(owner, autumnMeta, "leaves.jpg", AssetSamples.jpeg(12, 120, 80), "tags", "autumn");
        copy(owner, "Sale headline", "Up to 40 % off");
        String gone = upload(owner, null, "old-logo.png", AssetSamples.png(13, 60, 60));
        assertThat(api.as(owner).delete(API + "/" + gone)).hasStatus(204);
        MockHttpSession session = web.signIn(owner);

        assertThat(web.page(session, "/assets")).contains("beach-hero.png").contains("leaves.jpg").contains("Sale headline")
                .doesNotContain("old-logo.png").contains("3 assets").contains("Spring push").contains("Autumn – Meta (Autumn push)");
        assertThat(fragment(session, "/assets?type=IMAGE")).contains("beach-hero.png").contains("leaves.jpg")
                .doesNotContain("Sale headline");
        assertThat(fragment(session, "/assets?tag=summer")).contains("beach-hero.png").doesNotContain("leaves.jpg");
        assertThat(fragment(session, "/assets?tag=hero,summer")).contains("beach-hero.png").contains("1 asset<");
        assertThat(fragment(session, "/assets?q=LEAVES")).contains("leaves.jpg").doesNotContain("beach-hero.png");
        assertThat(fragment(session, "/assets?campaignId=" + spring)).contains("beach-hero.png").doesNotContain("leaves.jpg");
        assertThat(fragment(session, "/assets?spaceId=" + autumnMeta)).contains("leaves.jpg").doesNotContain("beach-hero.png");
        assertThat(fragment(session, "/assets?archived=true")).contains("old-logo.png").contains("Archived")
                .doesNotContain("leaves.jpg");
        assertThat(fragment(session, "/assets?q=nothing-like-it")).contains("No asset matches");

        // htmx sends the whole form, empty fields included, and wants only the results back, with the view kept
        MvcTestResult htmx = mvc.get().uri("/assets?view=list&q=beach&type=&tag=&campaignId=&spaceId=")
                .header("HX-Request", "true").session(session).exchange();
        assertThat(htmx).hasStatusOk().bodyText().contains("id=\"asset-results\"").contains("<table")
                .contains("beach-hero.png").doesNotContain("leaves.jpg").doesNotContain("<html")
                .doesNotContain("role=\"search\"").contains("hx-get=\"/assets?view=list&amp;q=beach\"")
                .contains("id=\"f-view\"").contains("hx-swap-oob");
        assertThat(web.page(session, "/assets?view=list")).contains("<table").contains("value=\"list\"");
        assertThat(web.page(session, "/assets")).contains("class=\"asset-grid\"").doesNotContain("asset-table");
    }

    @Test
    void everyRoleReadsTheAssetPagesAndOnlyContributorsSeeWriteControls() {
        Member owner = workspaces.workspace("Asset roles");
        String campaign = campaigns.create(owner, "Roles campaign");
        String space = space(owner, campaign, "Roles – Meta");
        String asset = upload(owner, space, "roles.png", AssetSamples.png(21, 90, 60));
        String[] pages = {"/assets", "/assets/" + asset, "/campaigns/" + campaign + "/spaces", "/spaces/" + space,
                "/settings/assets"};

        for (Role role : Role.values()) {
            Member member = role == Role.OWNER ? owner : workspaces.addMember(owner, role);
            MockHttpSession session = web.signIn(member);
            boolean writes = role.includes(Role.CONTRIBUTOR);
            for (String page : pages) {
                assertThat(web.page(session, page)).as(role + " " + page).contains("<html");
            }
            assertThat(fragment(session, "/assets/" + asset)).as(role + " drawer").contains("roles.png")
                    .doesNotContain("<html");
            assertThat(fragment(session, "/campaigns/" + campaign + "/assets/panel")).as(role + " panel")
                    .contains("Roles – Meta").contains("roles.png");
            String library = web.page(session, "/assets");
            String detail = web.page(session, "/assets/" + asset);
            String spacePage = web.page(session, "/spaces/" + space);
            if (writes) {
                assertThat(library).as(role.name()).contains("data-upload-zone");
                assertThat(detail).as(role.name()).contains("Save details").contains("dialog-archive-asset")
                        .contains("Reuse in a campaign or space");
                assertThat(spacePage).as(role.name()).contains("data-upload-zone").contains("dialog-archive-space");
            } else {
                assertThat(library).as(role.name()).doesNotContain("data-upload-zone");
                assertThat(detail).as(role.name()).doesNotContain("Save details").doesNotContain("dialog-archive-asset")
                        .doesNotContain("Reuse in a campaign or space").contains("Every channel");
                assertThat(spacePage).as(role.name()).doesNotContain("data-upload-zone").doesNotContain("Edit</a>");
                assertThat(web.post(session, "/assets/" + asset, "name", "Renamed", "type", "IMAGE")).as(role.name()).hasStatus(403);
                assertThat(web.post(session, "/assets/" + asset + "/archive")).as(role.name()).hasStatus(403);
                assertThat(web.post(session, "/spaces/" + space + "/archive")).as(role.name()).hasStatus(403);
                assertThat(mvc.get().uri("/campaigns/" + campaign + "/spaces/new").session(session).exchange()).hasStatus(403);
                assertThat(mvc.post().uri("/assets/uploads").multipart()
                        .file(new MockMultipartFile("file", "x.png", "image/png", AssetSamples.png(22, 20, 20)))
                        .session(session).with(csrf()).exchange()).as(role + " upload").hasStatus(403);
            }
            assertThat(detail).as(role + " delete").satisfies(html -> {
                if (role.includes(Role.MANAGER)) {
                    assertThat(html).contains("Delete for good");
                } else {
                    assertThat(html).doesNotContain("Delete for good");
                }
            });
            String settings = web.page(session, "/settings/assets");
            if (role.includes(Role.ADMIN)) {
                assertThat(settings).as(role.name()).contains("Save settings");
            } else {
                assertThat(settings).as(role.name()).doesNotContain("Save settings").contains("Only admins change");
            }
        }
    }

    @Test
    void anotherWorkspacesAssetAndSpaceAreNotFound() {
        Member owner = workspaces.workspace("Mine assets");
        String campaign = campaigns.create(owner, "Secret campaign");
        String space = space(owner, campaign, "Secret – Meta");
        String asset = upload(owner, space, "secret-plan.png", AssetSamples.png(31, 60, 40));
        MockHttpSession stranger = web.signIn(workspaces.workspace("Theirs assets"));

        MvcTestResult page = mvc.get().uri("/assets/" + asset).accept(MediaType.TEXT_HTML).session(stranger).exchange();
        assertThat(page).hasStatus(404).bodyText().contains("<html").contains("The asset was not found")
                .doesNotContain("secret-plan.png");
        assertThat(mvc.get().uri("/spaces/" + space).session(stranger).exchange()).hasStatus(404).bodyText()
                .doesNotContain("Secret – Meta");
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/spaces").session(stranger).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/assets/" + asset).header("HX-Request", "true").session(stranger).exchange()).hasStatus(404);
        assertThat(web.post(stranger, "/assets/" + asset + "/archive")).hasStatus(404);
        assertThat(fragment(stranger, "/assets")).doesNotContain("secret-plan.png");
        assertThat(mvc.get().uri("/assets/" + UUID.randomUUID()).session(stranger).exchange()).hasStatus(404);
    }

    // ---- one asset -------------------------------------------------------------------------------------------------

    @Test
    void editingShowsErrorsInlineAndSavesDetailsAndRights() {
        Member owner = workspaces.workspace("Asset edits");
        String asset = upload(owner, null, "hero.png", AssetSamples.png(41, 90, 60));
        MockHttpSession session = web.signIn(owner);

        MvcTestResult blank = htmxPost(session, "/assets/" + asset, "name", " ", "type", "IMAGE", "version", "0",
                "drawer", "true");
        assertThat(blank).hasStatusOk().bodyText().contains("id=\"asset-detail\"").contains("Name the asset")
                .contains("aria-invalid=\"true\"").doesNotContain("<html").contains("asset-drawer-title");

        String tags = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList());
        assertThat(htmxPost(session, "/assets/" + asset, "name", "hero.png", "type", "IMAGE", "tags", tags))
                .hasStatusOk().bodyText().contains("at most 20 tags");
        assertThat(htmxPost(session, "/assets/" + asset, "name", "hero.png", "type", "HEADLINE"))
                .hasStatusOk().bodyText().contains("alert-error");
        assertThat(web.post(session, "/assets/" + asset, "name", "", "type", "IMAGE")).hasStatusOk().bodyText()
                .contains("<html").contains("Name the asset");

        MvcTestResult saved = htmxPost(session, "/assets/" + asset, "name", "Summer hero", "type", "IMAGE",
                "title", "Main banner", "tags", "summer, hero", "licence", "Royalty-free", "holder", "Northwind Studio",
                "credit", "Photo: J. Doe", "expiresOn", "2031-12-31", "allowedChannels", "INSTAGRAM",
                "allowedChannels", "FACEBOOK", "headline", "Sun's out", "version", "0");
        assertThat(saved).hasStatusOk().bodyText().contains("Saved “Summer hero”").contains("Summer hero");
        assertThat(saved).hasHeader("HX-Trigger", "fd:changed");
        MvcTestResult read = api.as(owner).get(API + "/" + asset);
        assertThat((String) Json.read(read, "$.rights.holder")).isEqualTo("Northwind Studio");
        assertThat((String) Json.read(read, "$.rights.expiresOn")).isEqualTo("2031-12-31");
        assertThat((List<String>) Json.read(read, "$.rights.allowedChannels")).containsExactlyInAnyOrder("INSTAGRAM", "FACEBOOK");
        assertThat((List<String>) Json.read(read, "$.tags")).containsExactly("hero", "summer");
        assertThat((String) Json.read(read, "$.headline")).isEqualTo("Sun's out");

        // a stale version says someone else saved; unticking every channel allows them all again
        assertThat(htmxPost(session, "/assets/" + asset, "name", "Old name", "type", "IMAGE", "version", "0"))
                .hasStatusOk().bodyText().contains("Someone else saved this asset");
        assertThat(htmxPost(session, "/assets/" + asset, "name", "Summer hero", "type", "IMAGE", "version", "1",
                "_allowedChannels", "on")).hasStatusOk();
        assertThat((List<String>) Json.read(api.as(owner).get(API + "/" + asset), "$.rights.allowedChannels")).isEmpty();
        assertThat(web.page(session, "/assets/" + asset)).contains("Summer hero").contains("Usage rights")
                .doesNotContain("checked=\"checked\"");
        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/assets/" + asset)).contains("Every channel").doesNotContain("Northwind Studio");
    }

    @Test
    void reuseNamesWhereTheAssetIsUsed() {
        Member owner = workspaces.workspace("Asset reuse");
        String spring = campaigns.create(owner, "Spring reuse");
        String autumn = campaigns.create(owner, "Autumn reuse");
        String springMeta = space(owner, spring, "Spring reuse – Meta");
        String autumnMeta = space(owner, autumn, "Autumn reuse – Meta");
        String asset = upload(owner, springMeta, "reused.png", AssetSamples.png(51, 60, 40));
        MockHttpSession session = web.signIn(owner);

        assertThat(htmxPost(session, "/assets/" + asset + "/reuse")).hasStatusOk().bodyText()
                .contains("Choose a campaign or a space");
        MvcTestResult reused = htmxPost(session, "/assets/" + asset + "/reuse", "spaceId", autumnMeta, "context",
                "Autumn landing page hero");
        assertThat(reused).hasStatusOk().bodyText().contains("Reused in Autumn reuse – Meta (Autumn reuse)");
        assertThat(htmxPost(session, "/assets/" + asset + "/reuse", "spaceId", autumnMeta)).hasStatusOk().bodyText()
                .contains("already in this campaign space");
        assertThat(htmxPost(session, "/assets/" + asset + "/reuse", "campaignId", spring, "spaceId", autumnMeta))
                .hasStatusOk().bodyText().contains("is not the campaign of the space");

        String detail = web.page(session, "/assets/" + asset);
        assertThat(detail).contains("Spring reuse").contains("Spring reuse – Meta").contains("Autumn reuse – Meta")
                .contains("First added").contains("Reused").contains("Autumn landing page hero")
                .contains("href=\"/spaces/" + autumnMeta + "\"").contains("Looks similar");
    }

    @Test
    void archiveOffersUndoAndRestoreBringsTheAssetBack() {
        Member owner = workspaces.workspace("Asset archive");
        String asset = upload(owner, null, "to-archive.png", AssetSamples.png(61, 60, 40));
        MockHttpSession session = web.signIn(owner);

        MvcTestResult archived = web.post(session, "/assets/" + asset + "/archive", "returnTo", "/assets?view=list");
        assertThat(archived).hasStatus3xxRedirection().hasRedirectedUrl("/assets?view=list");
        assertThat(archived).flash().containsKey("undoAsset");
        MvcTestResult next = mvc.get().uri("/assets?view=list").session(session)
                .flashAttr("undoAsset", archived.getMvcResult().getFlashMap().get("undoAsset")).exchange();
        assertThat(next).hasStatusOk().bodyText().contains("Archived “to-archive.png”.").contains("Undo")
                .contains("/assets/" + asset + "/restore").doesNotContain("<td><a href=\"/assets/" + asset);
        assertThat((Boolean) Json.read(api.as(owner).get(API + "/" + asset), "$.archived")).isTrue();

        // an address elsewhere is never where the archive returns to
        assertThat(web.post(session, "/assets/" + asset + "/restore", "returnTo", "//evil.example/x"))
                .hasRedirectedUrl("/assets/" + asset);
        assertThat((Boolean) Json.read(api.as(owner).get(API + "/" + asset), "$.archived")).isFalse();
        assertThat(web.post(session, "/assets/" + asset + "/archive", "returnTo", "https://evil.example/"))
                .hasRedirectedUrl("/assets");
        MvcTestResult undo = web.post(session, "/assets/" + asset + "/restore", "returnTo", "/assets");
        assertThat(undo).hasRedirectedUrl("/assets").flash().containsKey(Flash.KEY);
        assertThat(web.page(session, "/assets")).contains("to-archive.png");
    }

    @Test
    void managersDeleteForGood() {
        Member owner = workspaces.workspace("Asset delete");
        String asset = upload(owner, null, "delete-me.png", AssetSamples.png(71, 60, 40));
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(web.post(web.signIn(contributor), "/assets/" + asset + "/delete")).hasStatus(403);
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/assets/" + asset)).contains("Delete “delete-me.png” for good?")
                .contains("cannot be restored");
        assertThat(web.post(session, "/assets/" + asset + "/delete")).hasRedirectedUrl("/assets");
        assertThat(api.as(owner).get(API + "/" + asset)).hasStatus(404);
    }

    // ---- uploads from the pages ------------------------------------------------------------------------------------

    @Test
    void thePagesUploadWithTheSessionAndItsCsrfToken() {
        Member owner = workspaces.workspace("Page uploads");
        String campaign = campaigns.create(owner, "Upload campaign");
        String space = space(owner, campaign, "Upload – Meta");
        MockHttpSession session = web.signIn(owner);
        byte[] png = AssetSamples.png(81, 120, 90);

        MvcTestResult created = mvc.post().uri("/assets/uploads").multipart()
                .file(new MockMultipartFile("file", "page-upload.png", "image/png", png)).param("spaceId", space)
                .session(session).with(csrf()).exchange();
        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.asset.name")).isEqualTo("page-upload.png");
        assertThat((Boolean) Json.read(created, "$.duplicate")).isFalse();
        assertThat(fragment(session, "/spaces/" + space)).contains("page-upload.png").contains("id=\"asset-results\"");

        MvcTestResult again = mvc.post().uri("/assets/uploads").multipart()
                .file(new MockMultipartFile("file", "again.png", "image/png", png))
                .session(session).with(csrf()).exchange();
        assertThat(again).hasStatusOk();
        assertThat((Boolean) Json.read(again, "$.duplicate")).isTrue();

        assertThat(mvc.post().uri("/assets/uploads").multipart()
                .file(new MockMultipartFile("file", "no-token.png", "image/png", AssetSamples.png(82, 20, 20)))
                .session(session).exchange()).as("without the CSRF token").hasStatus(403);

        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":2048,\"similarityThreshold\":10}"))
                .hasStatusOk();
        MvcTestResult tooLarge = mvc.post().uri("/assets/uploads").multipart()
                .file(new MockMultipartFile("file", "big.png", "image/png", AssetSamples.png(83, 400, 400)))
                .session(session).with(csrf()).exchange();
        assertThat(tooLarge).hasStatus(413);
        assertThat(((Number) Json.read(tooLarge, "$.limitBytes")).longValue()).isEqualTo(2048);
        assertThat((String) Json.read(tooLarge, "$.detail")).contains("2048 bytes");
        assertThat(web.page(session, "/assets")).contains("up to 2 KB each").contains("data-max-bytes=\"2048\"");
    }

    private MvcTestResult byHash(MockHttpSession session, String body) {
        return mvc.post().uri("/assets/uploads/by-hash").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void thePagesAskByHashBeforeSendingALargeFile() throws Exception {
        Member owner = workspaces.workspace("Page by hash");
        String campaign = campaigns.create(owner, "Hash campaign");
        String space = space(owner, campaign, "Hash – Meta");
        byte[] png = AssetSamples.png(84, 120, 90);
        String existing = upload(owner, null, "known.png", png);
        MockHttpSession session = web.signIn(owner);

        MvcTestResult known = byHash(session, "{\"sha256\":\"%s\",\"fileName\":\"again.png\",\"spaceId\":\"%s\"}"
                .formatted(sha256(png), space));
        assertThat(known).hasStatusOk();
        assertThat((String) Json.read(known, "$.asset.id")).isEqualTo(existing);
        assertThat((Boolean) Json.read(known, "$.duplicate")).isTrue();
        assertThat((Boolean) Json.read(known, "$.linked")).isTrue();
        assertThat(fragment(session, "/spaces/" + space)).contains("known.png");

        MvcTestResult unknown = byHash(session, "{\"sha256\":\"%s\",\"fileName\":\"new.png\"}"
                .formatted(sha256(AssetSamples.png(85, 40, 40))));
        assertThat(unknown).hasStatus(404);
        assertThat((String) Json.read(unknown, "$.type")).endsWith("content-unknown");

        assertThat(byHash(session, "{\"sha256\":\"not-a-hash\",\"fileName\":\"x.png\"}")).hasStatus(400);
        assertThat(mvc.post().uri("/assets/uploads/by-hash").session(session).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sha256\":\"%s\",\"fileName\":\"x.png\"}".formatted(sha256(png))).exchange())
                .as("without the CSRF token").hasStatus(403);

        Member stranger = workspaces.workspace("Page by hash elsewhere");
        MvcTestResult elsewhere = byHash(web.signIn(stranger), "{\"sha256\":\"%s\",\"fileName\":\"theirs.png\"}"
                .formatted(sha256(png)));
        assertThat(elsewhere).as("another workspace's bytes").hasStatus(404);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(byHash(web.signIn(viewer), "{\"sha256\":\"%s\",\"fileName\":\"v.png\"}".formatted(sha256(png))))
                .hasStatus(403);
    }

    @Test
    void newCopyIsCreatedFromTheLibraryAndASpaceWithErrorsInline() {
        Member owner = workspaces.workspace("Page copy");
        String campaign = campaigns.create(owner, "Copy campaign");
        String space = space(owner, campaign, "Copy – Meta");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/assets")).contains("New copy").contains("id=\"copy-form\"");
        assertThat(web.page(session, "/spaces/" + space)).contains("New copy in this space");

        MvcTestResult invalid = htmxPost(session, "/assets/copy", "type", "CALL_TO_ACTION", "name", " ",
                "text", "x".repeat(121));
        assertThat(invalid).hasStatusOk();
        assertThat(invalid).bodyText().contains("Give the copy a name").contains("At most 120 characters for this type")
                .contains("aria-invalid=\"true\"").doesNotContain("Created");
        assertThat(htmxPost(session, "/assets/copy", "type", "IMAGE", "name", "Pic", "text", "t")).bodyText()
                .contains("Copy is a headline, ad copy, a description or a call to action");
        assertThat(htmxPost(session, "/assets/copy", "type", "HEADLINE", "name", "Empty", "text", "")).bodyText()
                .contains("Write the text");

        MvcTestResult created = htmxPost(session, "/assets/copy", "type", "HEADLINE", "name", "Summer headline",
                "text", "Up to 40 % off", "tags", "summer, hero");
        assertThat(created).hasStatusOk();
        assertThat(created).bodyText().contains("Created").contains("“Summer headline”");
        assertThat(created).hasHeader("HX-Trigger", "fd:changed");
        String id = Json.<List<String>>read(api.as(owner).get(API + "/assets?name=Summer headline"), "$.items[*].id").get(0);
        MvcTestResult headline = api.as(owner).get(API + "/" + id);
        assertThat((String) Json.read(headline, "$.headline")).isEqualTo("Up to 40 % off");
        assertThat((List<String>) Json.read(headline, "$.tags")).containsExactlyInAnyOrder("summer", "hero");

        assertThat(htmxPost(session, "/assets/copy", "type", "CALL_TO_ACTION", "name", "Space CTA", "text", "Shop now",
                "spaceId", space)).bodyText().contains("“Space CTA”");
        assertThat(fragment(session, "/spaces/" + space)).contains("Space CTA");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(web.post(web.signIn(viewer), "/assets/copy", "type", "HEADLINE", "name", "No", "text", "no"))
                .hasStatus(403);
        assertThat(web.page(web.signIn(viewer), "/assets")).doesNotContain("New copy");
    }

    @Test
    void managersDeleteASpaceForGood() {
        Member owner = workspaces.workspace("Space delete");
        String campaign = campaigns.create(owner, "Delete campaign");
        String space = space(owner, campaign, "Delete – Meta");
        String asset = upload(owner, space, "stays.png", AssetSamples.png(86, 40, 40));
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession contributorSession = web.signIn(contributor);
        assertThat(web.page(contributorSession, "/spaces/" + space)).doesNotContain("Delete for good");
        assertThat(web.post(contributorSession, "/spaces/" + space + "/delete")).hasStatus(403);

        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/spaces/" + space)).contains("Delete “Delete – Meta” for good?")
                .contains("cannot be restored").contains("stay in the library");
        assertThat(web.post(session, "/spaces/" + space + "/delete")).hasRedirectedUrl("/campaigns/" + campaign + "/spaces");
        assertThat(api.as(owner).get("/api/v1/campaign-spaces/" + space)).hasStatus(404);
        assertThat(api.as(owner).get(API + "/" + asset)).hasStatusOk();
    }

    // ---- spaces and the campaign card ------------------------------------------------------------------------------

    @Test
    void aCampaignsSpacesAreCreatedEditedArchivedAndRestored() {
        Member owner = workspaces.workspace("Space pages");
        String campaign = campaigns.create(owner, "Space campaign");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/campaigns/" + campaign + "/spaces")).contains("No spaces yet").contains("+ New space");
        assertThat(web.page(session, "/campaigns/" + campaign + "/spaces/new")).contains("New space").contains("Google Ads");

        assertThat(web.post(session, "/campaigns/" + campaign + "/spaces", "name", "", "platform", "")).hasStatusOk()
                .bodyText().contains("Name the space").contains("Choose the ad platform");
        assertThat(web.post(session, "/campaigns/" + campaign + "/spaces", "name", "Odd money", "platform", "META",
                "budgetAmount", "10", "budgetCurrency", "XYZ1")).hasStatusOk().bodyText()
                .contains("is not a currency code such as EUR or USD");
        MvcTestResult created = web.post(session, "/campaigns/" + campaign + "/spaces", "name", "Space campaign – Google",
                "platform", "GOOGLE_ADS", "budgetAmount", "5000", "budgetCurrency", "usd", "tags", "search, brand",
                "objective", "Conversions", "active", "true", "_active", "on", "_template", "on");
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/spaces/[0-9a-f-]{36}");
        String space = location.substring("/spaces/".length());
        // the figures entered by hand on the space's page, as the API's update-performance
        String drawn = String.valueOf(Json.<Number>read(api.as(owner).get("/api/v1/campaign-spaces/" + space),
                "$.version"));
        assertThat(web.page(session, location)).contains("Enter the figures by hand", "None yet");
        assertThat(web.post(session, location + "/performance", "impressions", "20000", "clicks", "500",
                "conversions", "25", "spend", "1234.5", "version", drawn)).hasRedirectedUrl(location);
        assertThat(web.post(session, location + "/performance", "impressions", "10", "clicks", "500",
                "conversions", "25", "spend", "x", "version", drawn)).hasRedirectedUrl(location);
        assertThat((Number) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space),
                "$.performance.impressions"))
                .isEqualTo(20000);
        // another workspace finds no such space and a viewer may not enter figures: neither writes anything
        String now = String.valueOf(Json.<Number>read(api.as(owner).get("/api/v1/campaign-spaces/" + space),
                "$.version"));
        assertThat(web.post(web.signIn(workspaces.workspace("Someone else's spaces")), location + "/performance",
                "impressions", "1", "clicks", "1", "conversions", "1", "spend", "1", "version", now)).hasStatus(404);
        assertThat(web.post(web.signIn(workspaces.addMember(owner, Role.VIEWER)), location + "/performance",
                "impressions", "1", "clicks", "1", "conversions", "1", "spend", "1", "version", now)).hasStatus(403);
        assertThat((Number) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space),
                "$.performance.impressions")).isEqualTo(20000);
        upload(owner, space, "search-banner.png", AssetSamples.png(91, 200, 100));
        assertThat(web.page(session, location)).contains("Entered by hand", "the campaign&#39;s analytics counts them");

        assertThat(web.page(session, location)).contains("Space campaign – Google").contains("Google Ads")
                .contains("search-banner.png").contains("20,000").contains("2.5 %").contains("1,234.50 USD")
                .contains("Conversions").contains("Upload files into this space");
        String list = web.page(session, "/campaigns/" + campaign + "/spaces");
        assertThat(list).contains("Space campaign – Google").contains("2.5 %").contains("1,234.50 USD")
                .contains(">1<");
        assertThat(fragment(session, "/campaigns/" + campaign + "/assets/panel")).contains("Space campaign – Google")
                .contains("1 asset").contains("search-banner.png").contains("fd:changed from:body");
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/assets/panel").session(session).exchange())
                .hasRedirectedUrl("/campaigns/" + campaign + "/tabs/assets#assets");
        assertThat(web.page(session, "/campaigns/" + campaign + "/tabs/assets")).contains("/campaigns/" + campaign + "/assets/panel");

        assertThat(web.page(session, location + "/edit")).contains("Edit Space campaign – Google").contains("brand, search");
        String version = String.valueOf(Json.<Number>read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.version"));
        assertThat(web.post(session, location, "name", "Renamed space", "platform", "GOOGLE_ADS", "version", version,
                "_active", "on", "_template", "on")).hasRedirectedUrl(location);
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.active")).isFalse();
        assertThat(web.post(session, location, "name", "Stale", "platform", "META", "version", version)).hasStatusOk()
                .bodyText().contains("Someone else saved this space");

        MvcTestResult archived = web.post(session, location + "/archive");
        assertThat(archived).hasRedirectedUrl("/campaigns/" + campaign + "/spaces").flash().containsKey("undoSpace");
        assertThat(web.page(session, "/campaigns/" + campaign + "/spaces?archived=true")).contains("Renamed space")
                .contains("Restore");
        assertThat(web.page(session, location)).contains("This space is archived").doesNotContain("data-upload-zone");
        assertThat(web.post(session, location + "/restore", "returnTo", "/campaigns/" + campaign + "/spaces"))
                .hasRedirectedUrl("/campaigns/" + campaign + "/spaces");
        assertThat(web.page(session, "/campaigns/" + campaign + "/spaces")).contains("Renamed space");
        assertThat(web.page(session, "/audit")).as("the audit log links the space").contains("href=\"/spaces/" + space + "\"");
    }

    // ---- settings --------------------------------------------------------------------------------------------------

    @Test
    void adminsChangeTheSettingsWithErrorsInline() {
        Member owner = workspaces.workspace("Asset settings page");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/settings/assets")).contains("value=\"2\"").contains("GB\" selected")
                .contains("value=\"8\"");

        assertThat(web.post(session, "/settings/assets", "maxUploadAmount", "9", "maxUploadUnit", "GB",
                "similarityThreshold", "30", "version", "0")).hasStatusOk().bodyText()
                .contains("must be at most 5 GB").contains("must be from 0 to 20");
        assertThat(web.post(session, "/settings/assets", "maxUploadAmount", "250", "maxUploadUnit", "MB",
                "similarityThreshold", "6", "version", "0")).hasRedirectedUrl("/settings/assets");
        MvcTestResult read = api.as(owner).get("/api/v1/asset-settings");
        assertThat(((Number) Json.read(read, "$.maxUploadBytes")).longValue()).isEqualTo(250L * 1024 * 1024);
        assertThat((Integer) Json.read(read, "$.similarityThreshold")).isEqualTo(6);
        assertThat(web.page(session, "/settings/assets")).contains("value=\"250\"").contains("MB\" selected");
        // the first save made the row (version 0 still); the next one moves it on, so version 0 is stale after it
        assertThat(web.post(session, "/settings/assets", "maxUploadAmount", "1.5", "maxUploadUnit", "GB",
                "similarityThreshold", "6", "version", "0")).hasRedirectedUrl("/settings/assets");
        assertThat(web.page(session, "/settings/assets")).contains("value=\"1.5\"").contains("GB\" selected");
        assertThat(web.post(session, "/settings/assets", "maxUploadAmount", "250", "maxUploadUnit", "MB",
                "similarityThreshold", "6", "version", "0")).hasStatusOk().bodyText()
                .contains("Someone else changed these settings");

        MockHttpSession manager = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(web.page(manager, "/settings/assets")).contains("1.5 GB").contains("6 of 64");
        assertThat(web.post(manager, "/settings/assets", "maxUploadAmount", "1", "maxUploadUnit", "GB",
                "similarityThreshold", "6")).hasStatus(403);
    }
}
