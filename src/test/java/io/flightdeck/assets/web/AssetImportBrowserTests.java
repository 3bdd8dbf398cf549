package io.flightdeck.assets.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.PageChecks;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The CSV import wizard in Chromium: from a space's page, a small performance file with one bad row, imported with
 * "Skip bad rows": the preview shows the rows and the problem before anything is written, Start leads to the
 * import's page, which updates itself until the import has ended, then shows the tally and the error report (and its
 * CSV); the asset has the good rows' figures.
 */
@BrowserTest
class AssetImportBrowserTests {

    /** Three good days of ad-1 and one (row 4) with more clicks than impressions. */
    private static final String PERFORMANCE = """
            external_asset_id,date,impressions,clicks,conversions,spend,revenue
            ad-1,2027-03-01,1000,40,2,10.00,30.00
            ad-1,2027-03-02,800,30,1,8.00,12.00
            ad-1,2027-03-03,100,500,0,1.00,0
            ad-1,2027-03-04,1200,60,3,12.00,45.00
            """;

    private static final LocatorAssertions.ContainsTextOptions JOB = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void importPerformanceSkippingABadRow(WebUi ui, Page page) throws Exception {
        Member owner = workspaces.workspace("Import browser");
        MvcTestResult campaign = api.as(owner).post("/api/v1/campaigns", "{\"name\":\"Spring push\",\"type\":\"OTHER\"}");
        String space = Json.read(api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Spring – Meta","platform":"META","budget":{"amount":900,"currency":"EUR"}}"""
                .formatted(Json.<String>read(campaign, "$.id"))), "$.id");
        String hero = Json.read(api.as(owner).post("/api/v1/campaign-assets", """
                {"spaceId":"%s","name":"Hero headline","type":"HEADLINE","headline":"Ride into spring","externalAssetId":"ad-1"}"""
                .formatted(space)), "$.id");
        ui.signIn(page, owner);

        // 1. from the space's page to the first step: the file and the choices
        page.navigate(ui.url("/spaces/" + space));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import CSV").setExact(true)).click();
        assertThat(page).hasURL(ui.url("/spaces/" + space + "/imports/new"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Import CSV");
        page.getByLabel("CSV file").setInputFiles(new FilePayload("march.csv", "text/csv",
                PERFORMANCE.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getByLabel("Performance by day")).isChecked();
        assertThat(page.getByLabel("Detect automatically")).isChecked();
        page.getByLabel("Skip bad rows").check();
        page.screenshot(ui.screenshot("import-choose"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the import")).click();

        // 2. the preview: the format, the rows as they would be written, the bad one and why; nothing written yet
        assertThat(page).hasURL(Pattern.compile(".*/spaces/" + space + "/imports/preview/[0-9a-f]{32}$"));
        assertThat(page.locator(".details")).containsText("Flightdeck (seed 004)");
        Locator rows = page.locator("table.import-rows tbody tr");
        assertThat(rows).hasCount(4);
        assertThat(rows.nth(0)).containsText("Hero headline");
        assertThat(rows.nth(0)).containsText("1,000");
        assertThat(rows.nth(2).locator(".badge")).hasText("Problem");
        assertThat(page.locator(".import-problems")).containsText("Row 4, clicks: 500 clicks are more than the 100 impressions.");
        assertThat(page.locator(".alert-warning")).containsText("They will be skipped");
        assertThat(((Number) Json.read(api.as(owner).get("/api/v1/campaign-assets/imports?spaceId=" + space), "$.total"))
                .longValue()).as("nothing written by the preview").isZero();
        page.screenshot(ui.screenshot("import-preview"));

        // 3. start: the import's page updates itself, without a reload, until the import has ended
        List<String> polls = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/imports/") && "true".equals(request.headers().get("hx-request"))) {
                polls.add(request.url());
            }
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import")).click();
        assertThat(page).hasURL(Pattern.compile(".*/imports/[0-9a-f-]{36}$"));
        boolean underWay = page.locator("#import-state[hx-trigger]").count() == 1; // unless the job beat the page
        page.evaluate("() => { window.__sameDocument = true; }");
        Locator state = page.locator("#import-state");
        assertThat(state.locator(".card-header .badge")).containsText("Imported, bad rows skipped", JOB);
        assertThat(page.evaluate("() => window.__sameDocument === true")).as("the page was not reloaded").isEqualTo(true);
        if (underWay) {
            assertThat(polls).as("the page asked for its state while the import ran").isNotEmpty();
            // the end is announced when it changes the page in place; a page that opened on the end has none to tell
            assertThat(page.locator("#import-announce")).containsText("Import finished");
        }
        assertThat(state).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
        assertThat(state).containsText("3 rows were imported; 1 bad row was skipped");
        Locator tally = state.locator(".import-tally");
        assertThat(tally.locator("div").filter(new Locator.FilterOptions().setHasText("Rows read")).locator("dd")).hasText("4");
        assertThat(tally.locator("div").filter(new Locator.FilterOptions().setHasText("Rows written")).locator("dd")).hasText("3");
        assertThat(tally.locator("div").filter(new Locator.FilterOptions().setHasText("Rows skipped")).locator("dd")).hasText("1");
        Locator errorRows = state.locator("table.import-errors tbody tr");
        assertThat(errorRows).hasCount(1);
        assertThat(errorRows.first().locator("td").nth(0)).hasText("4");
        assertThat(errorRows.first().locator("td").nth(1)).hasText("clicks");
        assertThat(errorRows.first().locator("td").nth(2)).hasText("500 clicks are more than the 100 impressions.");
        page.screenshot(ui.screenshot("import-done"));

        Download download = page.waitForDownload(() -> state.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Download errors.csv")).click());
        assertThat(download.suggestedFilename()).isEqualTo("march-errors.csv");
        assertThat(Files.readString(download.path())).contains("row,column,message")
                .contains("4,clicks,500 clicks are more than the 100 impressions.");

        // the space's imports list it; the asset has the good rows' figures
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Imports").setExact(true)).click();
        assertThat(page.locator("table.import-list")).containsText("march.csv");
        page.navigate(ui.url("/assets/" + hero));
        Locator performance = page.locator("section[aria-labelledby='asset-performance-title']");
        assertThat(performance.locator("div").filter(new Locator.FilterOptions().setHasText("Impressions")).locator("dd"))
                .hasText("3,000");
        assertThat(performance.locator("div").filter(new Locator.FilterOptions().setHasText("Clicks")).first().locator("dd"))
                .hasText("130");
        page.screenshot(ui.screenshot("import-asset-totals"));
    }

    /**
     * On a phone, all or nothing: the preview warns that the bad row would stop the import, which then writes nothing
     * and says why; the wide tables scroll in their own frames and the page never scrolls sideways.
     */
    @Test
    void allOrNothingOnAPhone(WebUi ui, Page page) {
        Member owner = workspaces.workspace("Import phone");
        MvcTestResult campaign = api.as(owner).post("/api/v1/campaigns", "{\"name\":\"Phone push\",\"type\":\"OTHER\"}");
        String space = Json.read(api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Phone – Meta","platform":"META","budget":{"amount":900,"currency":"EUR"}}"""
                .formatted(Json.<String>read(campaign, "$.id"))), "$.id");
        api.as(owner).post("/api/v1/campaign-assets", """
                {"spaceId":"%s","name":"Hero headline","type":"HEADLINE","headline":"Ride on","externalAssetId":"ad-1"}"""
                .formatted(space));
        page.setViewportSize(390, 844);
        ui.signIn(page, owner);

        page.navigate(ui.url("/spaces/" + space + "/imports/new"));
        page.getByLabel("CSV file").setInputFiles(new FilePayload("march-performance-export.csv", "text/csv",
                PERFORMANCE.getBytes(StandardCharsets.UTF_8)));
        assertThat(PageChecks.overflow(page)).as("the first step at 390 px").isNull();
        page.screenshot(ui.screenshot("import-phone-choose"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the import")).click();

        assertThat(page.locator(".alert-warning")).containsText("With all or nothing, the import would write nothing");
        Locator frame = page.locator(".table-wrap:has(table.import-rows)");
        assertThat((Boolean) frame.evaluate("el => el.scrollWidth > el.clientWidth")).as("the rows scroll in their frame").isTrue();
        assertThat(PageChecks.overflow(page)).as("the preview at 390 px").isNull();
        page.screenshot(ui.screenshot("import-phone-preview"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import")).click();

        Locator state = page.locator("#import-state");
        assertThat(state.locator(".card-header .badge")).containsText("Not imported", JOB);
        assertThat(state.locator(".alert-error")).containsText("Nothing was imported.");
        assertThat(state.locator("table.import-errors")).containsText("500 clicks are more than the 100 impressions.");
        assertThat(PageChecks.overflow(page)).as("the import at 390 px").isNull();
        page.screenshot(ui.screenshot("import-phone-failed"));
    }
}
