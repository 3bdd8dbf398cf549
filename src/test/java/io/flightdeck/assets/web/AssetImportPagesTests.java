package io.flightdeck.assets.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.AssetSamples;
import io.flightdeck.shared.files.FileChunks;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MockMvcSessionIds;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The CSV import wizard through MockMvc: choose, preview (nothing written), start, the import's page and its report;
 * files refused on the first step with a reason, never a 500; Back keeping the file, a format that is not the chosen
 * one stopping the start, Cancel and expiry dropping the file, every step after the first served from the database
 * (as another node would serve it); viewers reading but not importing, and another workspace finding nothing.
 */
@FlightdeckTest
class AssetImportPagesTests {

    private static final String API = "/api/v1/campaign-assets";

    /** Seed-format performance for asset ad-1: the third data row (row 4 of the file) has more clicks than impressions. */
    private static final String PERFORMANCE = """
            external_asset_id,date,impressions,clicks,conversions,spend,revenue
            ad-1,2027-03-01,1000,40,2,10.00,30.00
            ad-1,2027-03-02,800,30,1,8.00,12.00
            ad-1,2027-03-03,100,500,0,1.00,0
            ad-1,2027-03-04,1200,60,3,12.00,45.00
            """;

    /** A Meta Ads Manager export of one ad, for the format check. */
    private static final String META = """
            Reporting starts,Reporting ends,Ad name,Ad ID,Impressions,Link clicks,Amount spent (EUR)
            2027-03-01,2027-03-01,Hero,ad-1,500,20,5.00
            """;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${flightdeck.data-dir}")
    Path dataDir;

    // ---- fixtures through the API -----------------------------------------------------------------------------------

    private String space(Member owner, String name) {
        MvcTestResult campaign = api.as(owner).post("/api/v1/campaigns", "{\"name\":\"" + name + "\",\"type\":\"OTHER\"}");
        assertThat(campaign).hasStatus(201);
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces",
                "{\"campaignId\":\"%s\",\"name\":\"%s\",\"platform\":\"META\",\"budget\":{\"amount\":900,\"currency\":\"EUR\"}}"
                        .formatted(Json.<String>read(campaign, "$.id"), name));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private String headline(Member owner, String space, String name, String externalId) {
        MvcTestResult created = api.as(owner).post(API, """
                {"spaceId":"%s","name":"%s","type":"HEADLINE","headline":"%s","externalAssetId":"%s"}"""
                .formatted(space, name, name, externalId));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    /** Step 1 sent as the browser sends it: the file part (empty name and bytes when none was chosen) and the choices. */
    private MvcTestResult choose(MockHttpSession session, String space, String fileName, byte[] content, String... fields) {
        var request = mvc.post().uri("/spaces/" + space + "/imports/preview").multipart()
                .file(new MockMultipartFile("file", fileName, "text/csv", content)).session(session).with(csrf());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request.exchange();
    }

    private MvcTestResult choose(MockHttpSession session, String space, String fileName, String csv, String... fields) {
        return choose(session, space, fileName, csv.getBytes(StandardCharsets.UTF_8), fields);
    }

    /** The preview's address after step 1, and its token. */
    private static String previewPath(MvcTestResult chosen, String space) {
        assertThat(chosen).as(Json.body(chosen)).hasStatus3xxRedirection();
        String location = chosen.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/spaces/" + space + "/imports/preview/");
        return location;
    }

    private static String token(String previewPath) {
        return previewPath.substring(previewPath.lastIndexOf('/') + 1);
    }

    private static Flash flash(MvcTestResult result) {
        return (Flash) result.getMvcResult().getFlashMap().get(Flash.KEY);
    }

    private long importCount(Member as, String space) {
        return ((Number) Json.read(api.as(as).get(API + "/imports?spaceId=" + space), "$.total")).longValue();
    }

    private void awaitEnd(Member as, String importId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!List.of("SUCCEEDED", "FAILED", "PARTLY").contains(Json.<String>read(api.as(as).get(API + "/imports/" + importId), "$.status"))) {
            assertThat(System.currentTimeMillis()).as("import " + importId + " still under way").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    // ---- the wizard ---------------------------------------------------------------------------------------------------

    @Test
    void choosePreviewStartAndReadTheReport() throws Exception {
        Member owner = workspaces.workspace("Import wizard");
        String space = space(owner, "Wizard – Meta");
        String hero = headline(owner, space, "Hero headline", "ad-1");
        MockHttpSession session = web.signIn(owner);

        assertThat(web.page(session, "/spaces/" + space)).contains("href=\"/spaces/" + space + "/imports/new\"")
                .contains(">Import CSV<").contains("href=\"/spaces/" + space + "/imports\"");
        assertThat(web.page(session, "/spaces/" + space + "/imports/new")).contains("enctype=\"multipart/form-data\"")
                .contains("name=\"_csrf\"").contains("Performance by day").contains("Asset details")
                .contains("Detect automatically").contains("Flightdeck (seed 004)").contains("Google Ads export")
                .contains("Meta Ads export").contains("All or nothing").contains("Skip bad rows")
                .contains("aria-current=\"step\"");

        // step 1 → 2: the file is kept and read; nothing is written
        String preview = previewPath(choose(session, space, "march.csv", PERFORMANCE, "kind", "PERFORMANCE",
                "format", "AUTO", "mode", "SKIP_BAD_ROWS"), space);
        assertThat(web.page(session, preview)).contains("Check the preview").contains("Flightdeck (seed 004)")
                .contains("(detected)").contains("Performance by day").contains("external_asset_id")
                .contains("Platform ad id").contains("Hero headline").contains("2027-03-01").contains("1,000")
                .contains("1 of these 4 rows has a problem").contains("They will be skipped")
                .contains("Row 4, clicks:").contains("500 clicks are more than the 100 impressions.")
                .contains("Start the import").contains("href=\"/spaces/" + space + "/imports/new?token=" + token(preview) + "\"");
        assertThat(importCount(owner, space)).isZero();

        // step 3: started once, however often Start is sent
        MvcTestResult started = web.post(session, "/spaces/" + space + "/imports", "token", token(preview));
        assertThat(started).hasStatus3xxRedirection();
        String importPage = started.getResponse().getRedirectedUrl();
        assertThat(importPage).startsWith("/imports/");
        assertThat(flash(started).message()).isEqualTo("Importing “march.csv”");
        assertThat(web.post(session, "/spaces/" + space + "/imports", "token", token(preview)).getResponse().getRedirectedUrl())
                .isEqualTo(importPage);
        assertThat(mvc.get().uri(preview).session(session).exchange().getResponse().getRedirectedUrl()).isEqualTo(importPage);
        assertThat(importCount(owner, space)).isEqualTo(1);
        String importId = importPage.substring("/imports/".length());
        awaitEnd(owner, importId);

        assertThat(web.page(session, importPage)).contains("march.csv").contains("Imported, bad rows skipped")
                .contains("3 rows were imported; 1 bad row was skipped").contains("Rows read").contains("Rows written")
                .contains("Rows skipped").contains("Error report").contains("500 clicks are more than the 100 impressions.")
                .contains("href=\"/imports/" + importId + "/errors.csv\"").doesNotContain("every 1s")
                .contains("href=\"/spaces/" + space + "/imports\"");
        // the state alone for htmx, which stops polling once the import has ended
        MvcTestResult state = mvc.get().uri(importPage).header("HX-Request", "true").session(session).exchange();
        assertThat(state).hasStatusOk().bodyText().contains("id=\"import-state\"").doesNotContain("<html")
                .doesNotContain("hx-trigger").contains("hx-swap-oob=\"innerHTML:#import-announce\"");

        MvcTestResult csv = mvc.get().uri(importPage + "/errors.csv").session(session).exchange();
        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(csv).headers().hasValue("Content-Disposition", "attachment; filename=\"march-errors.csv\"");
        assertThat(csv).bodyText().startsWith("row,column,message").contains("4,clicks,500 clicks are more than the 100 impressions.");

        assertThat(web.page(session, "/spaces/" + space + "/imports")).contains("march.csv")
                .contains("href=\"/imports/" + importId + "\"").contains("Imported, bad rows skipped");
        assertThat(((Number) Json.read(api.as(owner).get(API + "/" + hero), "$.performance.impressions")).longValue())
                .isEqualTo(3000);
    }

    @Test
    void badFilesAreRefusedOnTheFirstStepWithTheReason() {
        Member owner = workspaces.workspace("Import refusals");
        String space = space(owner, "Refusals – Meta");
        headline(owner, space, "Hero", "ad-1");
        MockHttpSession session = web.signIn(owner);

        assertThat(choose(session, space, "", new byte[0])).hasStatusOk().bodyText()
                .contains("Choose a CSV file to import.").contains("aria-invalid=\"true\"");
        assertThat(choose(session, space, "empty.csv", new byte[0])).hasStatusOk().bodyText()
                .contains("“empty.csv” is empty.");
        assertThat(choose(session, space, "photo.png", AssetSamples.png(5, 20, 20))).hasStatusOk().bodyText()
                .contains("“photo.png” is not a CSV file.");
        assertThat(choose(session, space, "disguised.csv", AssetSamples.png(6, 20, 20))).hasStatusOk().bodyText()
                .contains("“disguised.csv” is not CSV text");
        assertThat(choose(session, space, "notes.csv", "colour,size\nred,XL\n")).hasStatusOk().bodyText()
                .contains("No header row found");
        assertThat(choose(session, space, "header.csv", "external_asset_id,date,impressions\n")).hasStatusOk().bodyText()
                .contains("“header.csv” has a header row but no data rows.");
        assertThat(choose(session, space, "copy.csv", "asset_name,asset_type,headline\nSpring,HEADLINE,Ride on\n",
                "kind", "PERFORMANCE")).hasStatusOk().bodyText().contains("a date column");
        // figures imported as asset details would be left out: the preview says so before anything is written
        String details = previewPath(choose(session, space, "march.csv", PERFORMANCE, "kind", "METADATA"), space);
        assertThat(web.page(session, details)).contains("Asset details").contains("has performance columns")
                .contains("Impressions");
        assertThat(choose(session, space, "march.csv", PERFORMANCE, "kind", "SOMETHING")).as("a hand-made choice")
                .hasStatus(400).bodyText().contains("Please check your input");

        assertThat(api.as(owner).put("/api/v1/asset-settings", "{\"maxUploadBytes\":2048,\"similarityThreshold\":10}"))
                .hasStatusOk();
        String large = "external_asset_id,date,impressions\n" + "ad-1,2027-03-01,10\n".repeat(200);
        assertThat(choose(session, space, "large.csv", large)).hasStatusOk().bodyText()
                .contains("“large.csv” is 3.7 KB; this workspace imports files of up to 2 KB.");

        assertThat(mvc.post().uri("/spaces/" + space + "/imports/preview").multipart()
                .file(new MockMultipartFile("file", "march.csv", "text/csv", PERFORMANCE.getBytes(StandardCharsets.UTF_8)))
                .session(session).exchange()).as("without the CSRF token").hasStatus(403);
        assertThat(importCount(owner, space)).isZero();
    }

    @Test
    void backKeepsTheFileAndAFormatOtherThanTheChosenOneCannotStart() {
        Member owner = workspaces.workspace("Import back");
        String space = space(owner, "Back – Meta");
        headline(owner, space, "Hero", "ad-1");
        MockHttpSession session = web.signIn(owner);

        String preview = previewPath(choose(session, space, "meta.csv", META, "format", "GOOGLE_ADS"), space);
        assertThat(web.page(session, preview)).contains("but this file reads as").contains("Meta Ads export")
                .doesNotContain("Start the import").contains("Platform ad id").contains("Amount spent (EUR)");
        MvcTestResult refused = web.post(session, "/spaces/" + space + "/imports", "token", token(preview));
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(preview);
        assertThat(flash(refused).message()).contains("The file reads as a Meta Ads export, not a Google Ads export.");
        assertThat(importCount(owner, space)).isZero();

        // Back: the file is kept with its choices; other choices and no file lead to the same file's preview
        assertThat(web.page(session, "/spaces/" + space + "/imports/new?token=" + token(preview)))
                .contains("Using <strong>meta.csv</strong>").contains("value=\"" + token(preview) + "\"")
                .containsPattern("value=\"GOOGLE_ADS\"[^>]*checked");
        String again = previewPath(choose(session, space, "", new byte[0], "token", token(preview), "format", "AUTO",
                "mode", "SKIP_BAD_ROWS"), space);
        assertThat(again).isEqualTo(preview);
        assertThat(web.page(session, preview)).contains("(detected)").contains("Start the import").contains("Skip bad rows");

        // Cancel drops the file: its preview and its start are gone
        MvcTestResult cancelled = web.post(session, preview + "/cancel");
        assertThat(cancelled.getResponse().getRedirectedUrl()).isEqualTo("/spaces/" + space);
        MvcTestResult gone = mvc.get().uri(preview).session(session).exchange();
        assertThat(gone.getResponse().getRedirectedUrl()).isEqualTo("/spaces/" + space + "/imports/new");
        assertThat(flash(gone).message()).contains("no longer kept");
        assertThat(web.post(session, "/spaces/" + space + "/imports", "token", token(preview)).getResponse().getRedirectedUrl())
                .isEqualTo("/spaces/" + space + "/imports/new");
        assertThat(importCount(owner, space)).isZero();
    }

    @Test
    void aChosenFileIsKeptInTheDatabaseSoTheNextStepMayReachAnyNode() throws Exception {
        Member owner = workspaces.workspace("Import nodes");
        String space = space(owner, "Nodes – Meta");
        headline(owner, space, "Hero", "ad-1");
        MockHttpSession session = web.signIn(owner);
        // several pieces: 300 KB of rows, read back in order
        String csv = "external_asset_id,date,impressions,clicks\n" + "ad-1,2027-03-01,10,1\n".repeat(15_000);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(FileChunks.CHUNK);

        String preview = previewPath(choose(session, space, "nodes.csv", bytes, "kind", "PERFORMANCE",
                "mode", "ALL_OR_NOTHING"), space);
        UUID id = ImportWizardFiles.id(token(preview));
        assertThat(jdbc.queryForObject("select count(*) from asset_import_wizard_chunks where file_id = ?",
                Integer.class, id)).as("kept in the database, in pieces").isEqualTo(2);
        assertThat(dataDir.resolve("import-previews").resolve(token(preview) + ".csv")).as("on no node's disk")
                .doesNotExist();

        // every later step as another node serves it: the session's id, and what the database holds
        assertThat(web.page(MockMvcSessionIds.fromTheDatabase(session), preview)).contains("Check the preview")
                .contains("nodes.csv").contains("Start the import");
        assertThat(web.page(MockMvcSessionIds.fromTheDatabase(session), "/spaces/" + space + "/imports/new?token="
                + token(preview))).contains("Using <strong>nodes.csv</strong>");
        MvcTestResult started = web.post(MockMvcSessionIds.fromTheDatabase(session), "/spaces/" + space + "/imports",
                "token", token(preview));
        String importPage = started.getResponse().getRedirectedUrl();
        assertThat(importPage).as(String.valueOf(flash(started))).startsWith("/imports/");
        MvcTestResult imported = api.as(owner).get(API + importPage);
        assertThat(((Number) Json.read(imported, "$.fileSize")).longValue()).isEqualTo(bytes.length);
        assertThat(Json.<String>read(imported, "$.fileSha256")).as("the whole file, in order")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(jdbc.queryForObject("select count(*) from asset_import_wizard_files where id = ?", Integer.class, id))
                .as("the kept file goes when its import starts").isZero();
        assertThat(jdbc.queryForObject("select count(*) from asset_import_wizard_chunks where file_id = ?",
                Integer.class, id)).isZero();
        assertThat(mvc.get().uri(preview).session(MockMvcSessionIds.fromTheDatabase(session)).exchange().getResponse()
                .getRedirectedUrl()).isEqualTo(importPage);
        awaitEnd(owner, importPage.substring("/imports/".length()));
    }

    @Test
    void aKeptFileExpiresAfterAnHour() {
        Member owner = workspaces.workspace("Import expiry");
        String space = space(owner, "Expiry – Meta");
        headline(owner, space, "Hero", "ad-1");
        MockHttpSession session = web.signIn(owner);
        String preview = previewPath(choose(session, space, "march.csv", PERFORMANCE), space);
        try {
            clock.advance(ImportWizardFiles.KEPT_FOR.plus(Duration.ofMinutes(1)));
            assertThat(mvc.get().uri(preview).session(session).exchange().getResponse().getRedirectedUrl())
                    .isEqualTo("/spaces/" + space + "/imports/new");
            assertThat(choose(session, space, "", new byte[0], "token", token(preview))).hasStatusOk().bodyText()
                    .contains("The file chosen earlier is no longer kept");
        } finally {
            clock.reset();
        }
        assertThat(importCount(owner, space)).isZero();
    }

    @Test
    void viewersReadImportsButCannotStartOneAndAnotherWorkspaceFindsNothing() throws Exception {
        Member owner = workspaces.workspace("Import roles");
        String space = space(owner, "Roles – Meta");
        headline(owner, space, "Hero", "ad-1");
        MockHttpSession ownerSession = web.signIn(owner);
        String preview = previewPath(choose(ownerSession, space, "march.csv", PERFORMANCE, "mode", "SKIP_BAD_ROWS"), space);
        String importPage = web.post(ownerSession, "/spaces/" + space + "/imports", "token", token(preview))
                .getResponse().getRedirectedUrl();
        awaitEnd(owner, importPage.substring("/imports/".length()));

        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/spaces/" + space)).doesNotContain(">Import CSV<").contains("CSV imports");
        assertThat(mvc.get().uri("/spaces/" + space + "/imports/new").session(viewer).exchange()).hasStatus(403);
        assertThat(choose(viewer, space, "march.csv", PERFORMANCE)).hasStatus(403);
        assertThat(web.post(viewer, "/spaces/" + space + "/imports", "token", token(preview))).hasStatus(403);
        assertThat(web.page(viewer, "/spaces/" + space + "/imports")).contains("march.csv").doesNotContain(">Import CSV<");
        assertThat(web.page(viewer, importPage)).contains("Error report").doesNotContain("Import another file");
        assertThat(mvc.get().uri(importPage + "/errors.csv").session(viewer).exchange()).hasStatusOk();

        // a contributor imports, but another member's kept file is not theirs to start
        MockHttpSession contributor = web.signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        assertThat(web.page(contributor, "/spaces/" + space + "/imports/new")).contains("Preview the import");
        String theirs = previewPath(choose(ownerSession, space, "other.csv", PERFORMANCE), space);
        assertThat(mvc.get().uri(theirs).session(contributor).exchange().getResponse().getRedirectedUrl())
                .isEqualTo("/spaces/" + space + "/imports/new");
        assertThat(web.post(contributor, "/spaces/" + space + "/imports", "token", token(theirs)).getResponse()
                .getRedirectedUrl()).isEqualTo("/spaces/" + space + "/imports/new");

        MockHttpSession stranger = web.signIn(workspaces.workspace("Import elsewhere"));
        assertThat(mvc.get().uri("/spaces/" + space + "/imports/new").session(stranger).exchange()).hasStatus(404);
        assertThat(choose(stranger, space, "march.csv", PERFORMANCE)).hasStatus(404);
        assertThat(web.post(stranger, "/spaces/" + space + "/imports", "token", token(theirs))).hasStatus(404);
        assertThat(mvc.get().uri(theirs).session(stranger).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/spaces/" + space + "/imports").session(stranger).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(importPage).session(stranger).exchange()).hasStatus(404).bodyText().contains("<html");
        assertThat(mvc.get().uri(importPage).header("HX-Request", "true").session(stranger).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(importPage + "/errors.csv").session(stranger).exchange()).hasStatus(404);
        assertThat(importCount(owner, space)).isEqualTo(1);
    }

    @Test
    void anArchivedSpaceTakesNoImportButKeepsItsList() {
        Member owner = workspaces.workspace("Import archived");
        String space = space(owner, "Archived – Meta");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.post(session, "/spaces/" + space + "/archive")).hasStatus3xxRedirection();

        assertThat(mvc.get().uri("/spaces/" + space + "/imports/new").session(session).exchange()).hasStatus(409)
                .bodyText().contains("restore it before importing");
        assertThat(choose(session, space, "march.csv", PERFORMANCE)).hasStatus(409);
        assertThat(web.page(session, "/spaces/" + space + "/imports")).contains("No imports yet")
                .doesNotContain(">Import CSV<");
    }
}
