package io.flightdeck.assets;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV imports over REST: the row-level error report, all-or-nothing and skip-bad-rows, re-imports that do not count
 * twice, Google Ads and Meta Ads exports, metadata that creates copy and updates by platform id, the preview, tenancy
 * and roles. The job runs on db-scheduler, which polls every second, so each import is awaited.
 */
@FlightdeckTest
class AssetImportsApiTests {

    private static final String BASE = "/api/v1/campaign-assets";

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TestCampaigns campaigns;

    private String space(Member owner, String name, String platform, String currency) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"%s","platform":"%s","budget":{"amount":5000,"currency":"%s"}}"""
                .formatted(campaigns.create(owner, name), name, platform, currency));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    /** A headline in the space with the platform's id, to import performance for. */
    private String headline(Member owner, String space, String name, String externalId) {
        MvcTestResult created = api.as(owner).post(BASE, """
                {"spaceId":"%s","name":"%s","type":"HEADLINE","headline":"%s","externalAssetId":"%s"}"""
                .formatted(space, name, name, externalId));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult startImport(Member as, String space, String fileName, String csv, String... fields) {
        return api.as(as).upload(BASE + "/campaign-spaces/" + space + "/assets/import", fileName,
                csv.getBytes(StandardCharsets.UTF_8), fields);
    }

    /** Starts an import and waits for its end; answers the finished import. */
    private MvcTestResult importAndWait(Member as, String space, String csv, String... fields) throws InterruptedException {
        MvcTestResult started = startImport(as, space, "import.csv", csv, fields);
        assertThat(started).hasStatus(202);
        assertThat(started).headers().containsHeader("Location");
        return await(as, Json.read(started, "$.id"));
    }

    private MvcTestResult await(Member as, String importId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            MvcTestResult read = api.as(as).get(BASE + "/imports/" + importId);
            assertThat(read).hasStatusOk();
            String status = Json.read(read, "$.status");
            if (List.of("SUCCEEDED", "FAILED", "PARTLY").contains(status)) {
                return read;
            }
            assertThat(System.currentTimeMillis()).as("import " + importId + " still " + status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long number(MvcTestResult result, String path) {
        return ((Number) Json.read(result, path)).longValue();
    }

    private long assetTotal(Member as, String asset, String field) {
        return number(api.as(as).get(BASE + "/" + asset), "$.performance." + field);
    }

    private String spaceStat(Member as, String space, String field) {
        Object value = Json.read(api.as(as).get("/api/v1/campaign-spaces/" + space + "/stats"), "$." + field);
        return value == null ? null : value.toString();
    }

    @Test
    void aMalformedFileGetsARowByRowErrorReportAndTheGoodRowsGoIn() throws Exception {
        Member owner = workspaces.workspace("Imports report");
        String space = space(owner, "Report – Google Ads", "GOOGLE_ADS", "USD");
        String hero = headline(owner, space, "Hero", "ad-1");
        String csv = """
                external_asset_id,date,impressions,clicks,conversions,spend,revenue,=note
                ad-1,2027-01-05,1000,50,2,12.50,40.00,fine
                ad-1,2027-01-06,lots,5,0,1.00,0,wrong type
                ad-1,2027-01-07,100,-5,0,-1.00,0,negative
                ad-9,2027-01-08,100,5,0,1.00,0,unknown asset
                ad-1,2027-02-30,100,5,0,1.00,0,bad date
                ad-1,2027-01-09,100
                ad-1,2027-01-10,500,20,1,5.00,10.00,fine too
                """;

        MvcTestResult done = importAndWait(owner, space, csv, "kind", "PERFORMANCE", "mode", "SKIP_BAD_ROWS");

        assertThat((String) Json.read(done, "$.status")).isEqualTo("PARTLY");
        assertThat((String) Json.read(done, "$.format")).isEqualTo("SEED");
        assertThat(number(done, "$.rowsRead")).isEqualTo(7);
        assertThat(number(done, "$.rowsImported")).isEqualTo(2);
        assertThat(number(done, "$.rowsRejected")).isEqualTo(5);
        assertThat(number(done, "$.errorCount")).isEqualTo(6);
        assertThat(number(done, "$.progressPercent")).isEqualTo(100);
        String id = Json.read(done, "$.id");

        MvcTestResult errors = api.as(owner).get(BASE + "/imports/" + id + "/errors");
        assertThat(errors).hasStatusOk();
        List<Map<String, Object>> lines = Json.read(errors, "$.items");
        assertThat(lines).extracting(l -> l.get("row") + " | " + l.get("column") + " | " + l.get("message")).containsExactly(
                "3 | impressions | \"lots\" is not a number.",
                "4 | clicks | Must not be negative.",
                "4 | spend | Must not be negative.",
                "5 | external_asset_id | No asset in this campaign space has the platform id ad-9.",
                "6 | date | \"2027-02-30\" is not a day of the calendar.",
                "7 | clicks | The row ends after 3 of the header's 8 columns.");

        MvcTestResult report = api.as(owner).get(BASE + "/imports/" + id + "/errors.csv");
        assertThat(report).hasStatusOk();
        assertThat(report.getResponse().getContentType()).startsWith("text/csv");
        String text = report.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("row,column,message\r\n3,impressions,\"\"\"lots\"\" is not a number.\"\r\n");
        assertThat(text).contains("7,clicks,The row ends after 3 of the header's 8 columns.");

        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(1500);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(70);
        assertThat(assetTotal(owner, hero, "conversions")).isEqualTo(3);
        assertThat(new BigDecimal(Json.read(api.as(owner).get(BASE + "/" + hero), "$.performance.spend").toString()))
                .isEqualByComparingTo("17.50");
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("1500");
        assertThat(spaceStat(owner, space, "clicks")).isEqualTo("70");
        assertThat(new BigDecimal(spaceStat(owner, space, "spend"))).isEqualByComparingTo("17.50");
    }

    @Test
    void errorReportCellsThatCouldBeFormulasAreWrittenAsText() throws Exception {
        Member owner = workspaces.workspace("Imports formulas");
        String space = space(owner, "Formulas – Meta", "META", "USD");
        headline(owner, space, "Hero", "ad-1");
        String csv = "external_asset_id,date,impressions,=HYPERLINK(\"http://evil\")\nad-1,2027-01-05,10\n";

        MvcTestResult done = importAndWait(owner, space, csv, "mode", "SKIP_BAD_ROWS");

        assertThat((String) Json.read(done, "$.status")).isEqualTo("FAILED");
        String text = api.as(owner).get(BASE + "/imports/" + Json.read(done, "$.id") + "/errors.csv").getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("2,\"'=HYPERLINK(\"\"http://evil\"\")\",The row ends after 3 of the header's 4 columns.");
        assertThat(text).doesNotContain(",=");
    }

    @Test
    void allOrNothingWritesNothingWhenOneRowIsBad() throws Exception {
        Member owner = workspaces.workspace("Imports all or nothing");
        String space = space(owner, "Strict – Google Ads", "GOOGLE_ADS", "USD");
        String hero = headline(owner, space, "Hero", "ad-1");
        String csv = """
                external_asset_id,date,impressions,clicks
                ad-1,2027-01-05,1000,50
                ad-1,2027-01-06,1000,50
                ad-1,2027-01-07,1000,5000
                """;

        MvcTestResult done = importAndWait(owner, space, csv);

        assertThat((String) Json.read(done, "$.status")).isEqualTo("FAILED");
        assertThat((String) Json.read(done, "$.mode")).isEqualTo("ALL_OR_NOTHING");
        assertThat(number(done, "$.rowsRead")).isEqualTo(3);
        assertThat(number(done, "$.rowsImported")).isZero();
        assertThat(number(done, "$.rowsRejected")).isEqualTo(1);
        List<String> messages = Json.read(api.as(owner).get(BASE + "/imports/" + Json.read(done, "$.id") + "/errors"),
                "$.items[*].message");
        assertThat(messages).containsExactly("5000 clicks are more than the 1000 impressions.");
        assertThat(assetTotal(owner, hero, "impressions")).isZero();
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("0");

        MvcTestResult fixed = importAndWait(owner, space, csv.replace("1000,5000", "1000,500"));
        assertThat((String) Json.read(fixed, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(number(fixed, "$.rowsImported")).isEqualTo(3);
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(3000);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(600);

        // each end is an AssetImportEnded for the notifications module (what it tells: ImportNotificationsTests)
        for (MvcTestResult ended : List.of(done, fixed)) {
            assertThat(jdbc.queryForObject("select count(*) from event_publication where event_type like ? and "
                    + "serialized_event like ?", Integer.class, "%AssetImportEnded", "%" + Json.read(ended, "$.id") + "%"))
                    .as("the import's end was published").isPositive();
        }
    }

    @Test
    void reimportingTheSameFileCountsOnceAndACorrectedFileReplacesItsDaysInAnalyticsToo() throws Exception {
        Member owner = workspaces.workspace("Imports re-import");
        String space = space(owner, "Again – Google Ads", "GOOGLE_ADS", "USD");
        String hero = headline(owner, space, "Hero", "ad-1");
        String side = headline(owner, space, "Side", "ad-2");
        String csv = """
                external_asset_id,date,impressions,clicks,spend
                ad-1,2027-01-05,1000,50,10.00
                ad-1,2027-01-06,2000,60,20.00
                ad-2,2027-01-05,300,3,3.00
                """;

        importAndWait(owner, space, csv);
        MvcTestResult again = importAndWait(owner, space, csv);

        assertThat((String) Json.read(again, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(3000);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(110);
        assertThat(assetTotal(owner, side, "impressions")).isEqualTo(300);
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("3300");
        assertThat(new BigDecimal(spaceStat(owner, space, "spend"))).isEqualByComparingTo("33.00");
        assertThat(Json.<Object>read(api.as(owner).get(BASE + "/" + hero), "$.performance.clickThroughRate").toString())
                .startsWith("0.036666");

        // the platform corrected the 6th: that day is replaced, the others stay
        importAndWait(owner, space, "external_asset_id,date,impressions,clicks,spend\nad-1,2027-01-06,2500,70,25.00\n",
                "mode", "SKIP_BAD_ROWS");

        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(3500);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(120);
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("3800");
        assertThat(new BigDecimal(spaceStat(owner, space, "spend"))).isEqualByComparingTo("38.00");

        // the same numbers reach the campaign's analytics, once, under the platform's channel, spend in its currency
        String campaign = Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.campaignId");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from analytics_changes where tenant_id = ?", Long.class, owner.workspaceId()) == 0);
        MvcTestResult dashboard = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign
                + "/dashboard?from=2027-01-05&to=2027-01-06");
        assertThat(number(dashboard, "$.totals.impressions.value")).isEqualTo(3800);
        assertThat(number(dashboard, "$.totals.clicks.value")).isEqualTo(123);
        assertThat(Json.<List<String>>read(dashboard, "$.channels[*].channel")).containsExactly("SEARCH_ADS");
        assertThat(Json.<List<String>>read(dashboard, "$.totals.money[*].currency")).containsExactly("USD");
        assertThat(new BigDecimal(Json.<Object>read(dashboard, "$.totals.money[0].spend.value").toString()))
                .isEqualByComparingTo("38.00");
        // and "why did it move?" names the assets behind them
        MvcTestResult why = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign
                + "/movement?metric=IMPRESSIONS&from=2027-01-05&to=2027-01-06");
        assertThat(Json.<List<String>>read(why, "$.objects[*].label")).containsExactly("Hero", "Side");
        assertThat(Json.<String>read(why, "$.objects[0].path")).isEqualTo("/assets/" + hero);
    }

    @Test
    void numbersEnteredByHandCountInAnalyticsAndAnImportThatReplacesThemSaysSo() throws Exception {
        Member owner = workspaces.workspace("Imports entered by hand");
        String space = space(owner, "Hand – Google Ads", "GOOGLE_ADS", "EUR");
        String campaign = Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.campaignId");
        String hero = headline(owner, space, "Hero", "ad-1");
        MvcTestResult entered = api.as(owner).post("/api/v1/campaign-spaces/" + space + "/update-performance",
                Map.of("impressions", 4000, "clicks", 80, "conversions", 4, "spend", 120));
        assertThat(entered).hasStatusOk();
        assertThat(Json.<String>read(entered, "$.performanceEnteredAt")).isNotNull();
        // entered again later the same day with a higher total: the day's fact is the total, not the sum of entries
        assertThat(api.as(owner).post("/api/v1/campaign-spaces/" + space + "/update-performance",
                Map.of("impressions", 5000, "clicks", 90, "conversions", 5, "spend", 150))).hasStatusOk();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        awaitRollups(owner);
        MvcTestResult dashboard = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/dashboard?from="
                + today + "&to=" + today);
        assertThat(number(dashboard, "$.totals.impressions.value")).isEqualTo(5000);
        assertThat(number(dashboard, "$.totals.clicks.value")).isEqualTo(90);
        assertThat(new BigDecimal(Json.<Object>read(dashboard, "$.totals.money[0].spend.value").toString()))
                .isEqualByComparingTo("150");
        assertThat(Json.<List<String>>read(dashboard, "$.channels[*].channel")).containsExactly("SEARCH_ADS");

        // an import of the same ads' days replaces the hand-entered totals, in the space and in analytics, and says so
        MvcTestResult imported = importAndWait(owner, space, "external_asset_id,date,impressions,clicks,spend\n"
                + "ad-1," + today + ",1000,50,10.00\n");
        assertThat(Json.<String>read(imported, "$.replacedEntered"))
                .startsWith("Replaced the totals entered by hand on ")
                .contains("5000 impressions, 90 clicks, 5 conversions, spend 150.00 EUR");
        assertThat(Json.<String>read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.performanceEnteredAt"))
                .isNull();
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("1000");
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(1000);
        awaitRollups(owner);
        dashboard = api.as(owner).get("/api/v1/analytics/campaigns/" + campaign + "/dashboard?from=" + today + "&to="
                + today);
        assertThat(number(dashboard, "$.totals.impressions.value")).isEqualTo(1000);
        // a second import replaces nothing entered by hand, and says nothing of it
        MvcTestResult again = importAndWait(owner, space, "external_asset_id,date,impressions,clicks,spend\n"
                + "ad-1," + today + ",1200,55,11.00\n");
        assertThat(Json.<String>read(again, "$.replacedEntered")).isNull();
    }

    private void awaitRollups(Member owner) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from analytics_changes where tenant_id = ?", Long.class, owner.workspaceId()) == 0);
    }

    @Test
    void aGoogleAdsReportWithTitleLinesTotalsAndSegmentsMapsRight() throws Exception {
        Member owner = workspaces.workspace("Imports Google");
        String space = space(owner, "Summer – Google Ads", "GOOGLE_ADS", "USD");
        String hero = headline(owner, space, "Hero", "684512339");
        String side = headline(owner, space, "Side", "684512340");
        // segmented by device: two rows of the same ad and day add up
        String report = """
                Ad performance report
                "January 1, 2027 - January 31, 2027"
                Ad ID,Campaign,Device,Day,Currency code,Impr.,Clicks,Conversions,Cost,Conv. value
                684512339,Summer sale,Mobile phones,2027-01-05,USD,"12,345",678,12.50,"1,234.56","2,000.00"
                684512339,Summer sale,Computers,2027-01-05,USD,"1,000",22,1.00,100.00,50.00
                684512340,Summer sale,Computers,2027-01-05,USD,--,--,--,--,--
                Total: Account,--,--,--,USD,"13,345",700,13.50,"1,334.56","2,050.00"
                """;

        MvcTestResult done = importAndWait(owner, space, report);
        assertThat((String) Json.read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((String) Json.read(done, "$.format")).isEqualTo("GOOGLE_ADS");
        assertThat((String) Json.read(done, "$.kind")).isEqualTo("PERFORMANCE");
        assertThat(number(done, "$.rowsImported")).isEqualTo(3);

        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(13_345);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(700);
        assertThat(assetTotal(owner, hero, "conversions")).isEqualTo(14); // 12.50 rounds to 13, plus 1
        assertThat(assetTotal(owner, side, "impressions")).isZero();
        String read = api.as(owner).get(BASE + "/" + hero).getResponse().getContentAsString();
        assertThat(read).contains("\"spend\":1334.56").contains("\"revenue\":2050.0");

        // the same report again: the segments of that day still add up once
        importAndWait(owner, space, report);
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(13_345);
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("13345");
    }

    @Test
    void aMetaExportMapsRightAndAnotherCurrencyIsRefused() throws Exception {
        Member owner = workspaces.workspace("Imports Meta");
        String space = space(owner, "Summer – Meta", "META", "EUR");
        String video = headline(owner, space, "Hero video", "120000001");
        String export = """
                Reporting starts,Reporting ends,Ad name,Ad ID,Impressions,Clicks (all),Link clicks,Results,Amount spent (EUR),Purchases conversion value
                2027-01-05,2027-01-05,Hero video,120000001,5000,300,210,7,99.90,450.00
                2027-01-06,2027-01-06,Hero video,120000001,"4,000",250,190,5,80.10,300.00
                """;

        MvcTestResult done = importAndWait(owner, space, export);
        assertThat((String) Json.read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((String) Json.read(done, "$.format")).isEqualTo("META_ADS");
        assertThat(assetTotal(owner, video, "impressions")).isEqualTo(9000);
        assertThat(assetTotal(owner, video, "clicks")).isEqualTo(400);
        assertThat(assetTotal(owner, video, "conversions")).isEqualTo(12);
        assertThat(new BigDecimal(spaceStat(owner, space, "spend"))).isEqualByComparingTo("180.00");

        MvcTestResult dollars = importAndWait(owner, space, export.replace("(EUR)", "(USD)"));
        assertThat((String) Json.read(dollars, "$.status")).isEqualTo("FAILED");
        List<String> messages = Json.read(api.as(owner).get(BASE + "/imports/" + Json.read(dollars, "$.id") + "/errors"),
                "$.items[*].message");
        assertThat(messages).containsOnly("The amounts are in USD; the campaign space's budget is in EUR.").hasSize(2);
        assertThat(assetTotal(owner, video, "impressions")).isEqualTo(9000);
    }

    @Test
    void metadataCreatesCopyAndUpdatesByPlatformIdWithoutDuplicatesOnReimport() throws Exception {
        Member owner = workspaces.workspace("Imports metadata");
        String space = space(owner, "Copy – Google Ads", "GOOGLE_ADS", "USD");
        String existing = headline(owner, space, "Old headline", "h-1");
        String csv = """
                asset_name,asset_type,external_asset_id,title,description,ad_copy_text,headline_text,cta_text,tags
                New headline,headline,h-1,,,,Summer sale: 40 % off,,"summer,sale"
                Body copy,ad_copy,c-1,Body,,"Everything for the beach, until Sunday.",,,summer
                Shop now,call_to_action,,,,,,Shop the sale,
                Beach photo,image,img-1,,,,,,
                """;

        MvcTestResult done = importAndWait(owner, space, csv, "kind", "METADATA", "mode", "SKIP_BAD_ROWS");

        assertThat((String) Json.read(done, "$.status")).isEqualTo("PARTLY");
        assertThat(number(done, "$.rowsImported")).isEqualTo(3);
        List<Map<String, Object>> errors = Json.read(api.as(owner).get(BASE + "/imports/" + Json.read(done, "$.id")
                + "/errors"), "$.items");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("row")).isEqualTo(5);
            assertThat(e.get("column")).isEqualTo("asset_type");
            assertThat((String) e.get("message")).contains("a file cannot come from a CSV row");
        });
        MvcTestResult updated = api.as(owner).get(BASE + "/" + existing);
        assertThat((String) Json.read(updated, "$.name")).isEqualTo("New headline");
        assertThat((String) Json.read(updated, "$.headline")).isEqualTo("Summer sale: 40 % off");
        assertThat((List<String>) Json.read(updated, "$.tags")).containsExactly("sale", "summer");
        long version = number(updated, "$.version");

        MvcTestResult inSpace = api.as(owner).get(BASE + "/campaign-spaces/" + space + "/assets?size=50");
        List<String> names = Json.read(inSpace, "$.items[*].name");
        assertThat(names).containsExactlyInAnyOrder("New headline", "Body copy", "Shop now");
        List<String> sources = Json.read(inSpace, "$.items[?(@.name == 'Body copy')].importSource");
        assertThat(sources).containsExactly("CSV_IMPORT");
        assertThat(number(api.as(owner).get("/api/v1/campaign-spaces/" + space + "/stats"), "$.assetCount")).isEqualTo(3);

        MvcTestResult again = importAndWait(owner, space, csv.replace("Beach photo,image,img-1,,,,,,\n", ""),
                "kind", "METADATA");
        assertThat((String) Json.read(again, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(Json.<List<String>>read(api.as(owner).get(BASE + "/campaign-spaces/" + space + "/assets?size=50"),
                "$.items[*].name")).hasSize(3);
        assertThat(number(api.as(owner).get(BASE + "/" + existing), "$.version")).isEqualTo(version);
    }

    @Test
    void aMetadataFileWithBadRowsWritesNothingAllOrNothingAndGoesInOnceFixed() throws Exception {
        Member owner = workspaces.workspace("Imports metadata refused");
        String space = space(owner, "Strict copy – Meta", "META", "USD");
        String hero = headline(owner, space, "Hero", "h-0");
        long version = number(api.as(owner).get(BASE + "/" + hero), "$.version");
        String csv = """
                asset_name,asset_type,external_asset_id,headline_text,tags
                Fresh headline,headline,h-1,Autumn sale,autumn
                Odd one,banner,h-2,Something,
                Empty headline,headline,h-3,,
                Hero,headline,h-0,Changed text,
                """;

        MvcTestResult done = importAndWait(owner, space, csv, "kind", "METADATA");

        assertThat((String) Json.read(done, "$.status")).isEqualTo("FAILED");
        assertThat(number(done, "$.rowsRead")).isEqualTo(4);
        assertThat(number(done, "$.rowsImported")).isZero();
        assertThat(number(done, "$.rowsRejected")).isEqualTo(2);
        List<Map<String, Object>> lines = Json.read(api.as(owner).get(BASE + "/imports/" + Json.read(done, "$.id")
                + "/errors"), "$.items");
        assertThat(lines).extracting(l -> l.get("row") + " | " + l.get("column")).containsExactly(
                "3 | asset_type", "4 | headline_text");
        assertThat((String) lines.get(0).get("message")).startsWith("\"banner\" is not an asset type: IMAGE, VIDEO");
        assertThat((String) lines.get(1).get("message")).isEqualTo("A HEADLINE needs its text in headline_text.");
        assertThat(Json.<List<String>>read(api.as(owner).get(BASE + "/campaign-spaces/" + space + "/assets"),
                "$.items[*].name")).containsExactly("Hero");
        assertThat(number(api.as(owner).get(BASE + "/" + hero), "$.version")).isEqualTo(version);

        MvcTestResult fixed = importAndWait(owner, space, csv.replace("Odd one,banner,h-2,Something,\n", "")
                .replace("Empty headline,headline,h-3,,\n", ""), "kind", "METADATA");
        assertThat((String) Json.read(fixed, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(number(fixed, "$.rowsImported")).isEqualTo(2);
        assertThat((String) Json.read(api.as(owner).get(BASE + "/" + hero), "$.headline")).isEqualTo("Changed text");
        assertThat(Json.<List<String>>read(api.as(owner).get(BASE + "/campaign-spaces/" + space + "/assets"),
                "$.items[*].name")).containsExactlyInAnyOrder("Hero", "Fresh headline");
    }

    @Test
    void aGoogleAdsRowForAnUnknownAdOrWithAFractionOfAClickIsReportedUnderTheReportsColumnNames() throws Exception {
        Member owner = workspaces.workspace("Imports Google errors");
        String space = space(owner, "Errors – Google Ads", "GOOGLE_ADS", "USD");
        String hero = headline(owner, space, "Hero", "684512339");
        String report = """
                Ad performance report
                Ad ID,Day,Impr.,Clicks,Cost
                684512339,2027-01-05,"1,000",10,5.00
                999,2027-01-05,100,1,1.00
                684512339,2027-01-06,100,1.5,1.00
                """;

        MvcTestResult done = importAndWait(owner, space, report, "mode", "SKIP_BAD_ROWS");

        assertThat((String) Json.read(done, "$.status")).isEqualTo("PARTLY");
        assertThat((String) Json.read(done, "$.format")).isEqualTo("GOOGLE_ADS");
        List<Map<String, Object>> lines = Json.read(api.as(owner).get(BASE + "/imports/" + Json.read(done, "$.id")
                + "/errors"), "$.items");
        assertThat(lines).extracting(l -> l.get("row") + " | " + l.get("column") + " | " + l.get("message")).containsExactly(
                "4 | Ad ID | No asset in this campaign space has the platform id 999.",
                "5 | Clicks | \"1.5\" is not a whole number.");
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(1000);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(10);
    }

    /**
     * An asset reused in another campaign's space: each space's import lands on that use, the asset's totals join
     * every use it has (a space deleted for good takes its use's numbers along), and the library's BEST_CTR order
     * follows the joined rate.
     */
    @Test
    void performanceIsJoinedAcrossEveryUseAndTheLibrarySortsByTheJoinedClickThroughRate() throws Exception {
        Member owner = workspaces.workspace("Imports across uses");
        String search = space(owner, "Autumn – Google Ads", "GOOGLE_ADS", "USD");
        String social = space(owner, "Winter – Meta", "META", "USD");
        String hero = headline(owner, search, "Hero", "ad-1");
        headline(owner, search, "Side", "ad-2");
        headline(owner, search, "Quiet", "ad-3");
        headline(owner, search, "Unclicked", "ad-4");
        assertThat(api.as(owner).post(BASE + "/" + hero + "/reuse",
                "{\"spaceId\":\"%s\",\"context\":\"Winter carousel\"}".formatted(social))).hasStatus(201);

        importAndWait(owner, search, """
                external_asset_id,date,impressions,clicks
                ad-1,2027-01-05,1000,10
                ad-2,2027-01-05,1000,30
                ad-4,2027-01-05,500,0
                """);
        // never shown comes last, after shown without a click
        assertThat(names(owner, "BEST_CTR")).containsExactly("Side", "Hero", "Unclicked", "Quiet");

        // the same asset in the other space, named by its id: 7 % there lifts it to 4 % across both uses
        MvcTestResult there = importAndWait(owner, social, "asset_id,date,impressions,clicks\n" + hero + ",2027-01-05,1000,70\n");
        assertThat((String) Json.read(there, "$.status")).isEqualTo("SUCCEEDED");

        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(2000);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(80);
        assertThat(new BigDecimal(Json.read(api.as(owner).get(BASE + "/" + hero), "$.performance.clickThroughRate")
                .toString())).isEqualByComparingTo("0.04");
        MvcTestResult uses = api.as(owner).get(BASE + "/" + hero + "/uses");
        assertThat(Json.<List<String>>read(uses, "$.items[*].spaceId")).containsExactly(search, social);
        assertThat(Json.<List<Integer>>read(uses, "$.items[*].performance.clicks")).containsExactly(10, 70);
        assertThat(spaceStat(owner, search, "impressions")).isEqualTo("2500");
        assertThat(spaceStat(owner, social, "impressions")).isEqualTo("1000");
        assertThat(names(owner, "BEST_CTR")).containsExactly("Hero", "Side", "Unclicked", "Quiet");

        // importing the first space's file again changes neither use
        importAndWait(owner, search, "external_asset_id,date,impressions,clicks\nad-1,2027-01-05,1000,10\n");
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(80);
        assertThat(names(owner, "BEST_CTR")).containsExactly("Hero", "Side", "Unclicked", "Quiet");

        // the other space deleted for good: its use goes, and its numbers leave the asset's totals with it
        assertThat(api.as(owner).delete("/api/v1/campaign-spaces/" + social + "?permanent=true")).hasStatus(204);
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(1000);
        assertThat(assetTotal(owner, hero, "clicks")).isEqualTo(10);
        assertThat(names(owner, "BEST_CTR")).containsExactly("Side", "Hero", "Unclicked", "Quiet");
        assertThat(spaceStat(owner, search, "impressions")).isEqualTo("2500");
    }

    private List<String> names(Member as, String sort) {
        MvcTestResult listed = api.as(as).get(BASE + "/assets?sort=" + sort);
        assertThat(listed).hasStatusOk();
        return Json.read(listed, "$.items[*].name");
    }

    @Test
    void thePreviewShowsTheMappingAndFirstRowsAndWritesNothing() throws Exception {
        Member owner = workspaces.workspace("Imports preview");
        String space = space(owner, "Preview – Google Ads", "GOOGLE_ADS", "USD");
        String hero = headline(owner, space, "Hero", "684512339");
        StringBuilder report = new StringBuilder("Ad report\nAd ID,Day,Impr.,Clicks,Cost\n");
        for (int day = 1; day <= 20; day++) {
            report.append("684512339,2027-01-%02d,100,%d,1.00\n".formatted(day, day == 2 ? 500 : 5));
        }

        MvcTestResult preview = api.as(owner).upload(BASE + "/campaign-spaces/" + space + "/assets/import/preview",
                "report.csv", report.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(preview).hasStatusOk();
        assertThat((String) Json.read(preview, "$.format")).isEqualTo("GOOGLE_ADS");
        assertThat((String) Json.read(preview, "$.kind")).isEqualTo("PERFORMANCE");
        assertThat((String) Json.read(preview, "$.delimiter")).isEqualTo(",");
        assertThat(number(preview, "$.headerRow")).isEqualTo(2);
        assertThat(Json.<List<String>>read(preview, "$.columns[*].field"))
                .containsExactly("EXTERNAL_ID", "DAY", "IMPRESSIONS", "CLICKS", "SPEND");
        assertThat(Json.<List<Object>>read(preview, "$.rows")).hasSize(10);
        assertThat((String) Json.read(preview, "$.rows[0].values.assetId")).isEqualTo(hero);
        assertThat((String) Json.read(preview, "$.rows[0].values.day")).isEqualTo("2027-01-01");
        assertThat((String) Json.read(preview, "$.rows[1].errors[0].message")).isEqualTo("500 clicks are more than the 100 impressions.");

        assertThat(number(api.as(owner).get(BASE + "/imports?spaceId=" + space), "$.total")).isZero();
        assertThat(assetTotal(owner, hero, "impressions")).isZero();
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).upload(BASE + "/campaign-spaces/" + space + "/assets/import/preview", "report.csv",
                report.toString().getBytes(StandardCharsets.UTF_8))).hasStatusOk();
    }

    @Test
    void aFileNoFormatRecognisesIsRefusedAtOnceAndLeavesNothing() {
        Member owner = workspaces.workspace("Imports refused");
        String space = space(owner, "Refused – Meta", "META", "USD");

        MvcTestResult refused = startImport(owner, space, "notes.csv", "colour,size\nred,XL\n");
        assertThat(refused).hasStatus(400);
        assertThat(Json.body(refused)).contains("No header row found");
        MvcTestResult noDay = startImport(owner, space, "perf.csv", "external_asset_id,impressions\nad-1,5\n",
                "kind", "PERFORMANCE");
        assertThat(noDay).hasStatus(400);
        assertThat(Json.body(noDay)).contains("a date column");
        MvcTestResult googleAsMetadata = startImport(owner, space, "g.csv", "Ad ID,Day,Impr.\n1,2027-01-01,5\n",
                "kind", "METADATA");
        assertThat(googleAsMetadata).hasStatus(400);
        assertThat(number(api.as(owner).get(BASE + "/imports?spaceId=" + space), "$.total")).isZero();
    }

    @Test
    void anotherWorkspaceFindsNothingAndWritesNothing() throws Exception {
        Member owner = workspaces.workspace("Imports tenancy");
        String space = space(owner, "Mine – Meta", "META", "USD");
        String hero = headline(owner, space, "Hero", "ad-1");
        MvcTestResult done = importAndWait(owner, space, "external_asset_id,date,impressions\nad-1,2027-01-05,10\n");
        String id = Json.read(done, "$.id");
        Member stranger = workspaces.workspace("Imports elsewhere");
        String csv = "external_asset_id,date,impressions\nad-1,2027-01-06,99\n";

        assertThat(startImport(stranger, space, "x.csv", csv, "mode", "SKIP_BAD_ROWS")).hasStatus(404);
        assertThat(api.as(stranger).upload(BASE + "/campaign-spaces/" + space + "/assets/import/preview", "x.csv",
                csv.getBytes(StandardCharsets.UTF_8))).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/imports/" + id)).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/imports/" + id + "/errors")).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/imports/" + id + "/errors.csv")).hasStatus(404);
        assertThat(api.as(stranger).get(BASE + "/imports?spaceId=" + space)).hasStatus(404);
        assertThat(number(api.as(stranger).get(BASE + "/imports"), "$.total")).isZero();

        // the refused import is nowhere: not in the space's list, not in the numbers
        assertThat(Json.<List<String>>read(api.as(owner).get(BASE + "/imports?spaceId=" + space), "$.items[*].id"))
                .containsExactly(id);
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(10);
        assertThat(spaceStat(owner, space, "impressions")).isEqualTo("10");
    }

    @Test
    void viewersAndReadOnlyKeysReadImportsButCannotStartOne() throws Exception {
        Member owner = workspaces.workspace("Imports roles");
        String space = space(owner, "Roles – Meta", "META", "USD");
        String hero = headline(owner, space, "Hero", "ad-1");
        MvcTestResult done = importAndWait(owner, space, "external_asset_id,date,impressions\nad-1,2027-01-05,10\n");
        String id = Json.read(done, "$.id");
        byte[] csv = "external_asset_id,date,impressions\nad-1,2027-01-06,99\n".getBytes(StandardCharsets.UTF_8);
        String path = BASE + "/campaign-spaces/" + space + "/assets/import";

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).upload(path, "v.csv", csv)).hasStatus(403);
        assertThat(api.as(viewer).get(BASE + "/imports/" + id)).hasStatusOk();
        assertThat(api.as(viewer).get(BASE + "/imports/" + id + "/errors")).hasStatusOk();
        assertThat(api.as(viewer).get(BASE + "/imports/" + id + "/errors.csv")).hasStatusOk();

        // the owner's own key, capped at VIEWER: the owner's rights do not pass through it
        MvcTestResult key = api.as(owner).post("/api/v1/api-keys", "{\"name\":\"Imports reader\",\"roleCeiling\":\"VIEWER\"}");
        assertThat(key).hasStatus(201);
        ApiClient.Caller readOnly = api.anonymous().header(HttpHeaders.AUTHORIZATION, "Bearer " + Json.<String>read(key, "$.secret"));
        MvcTestResult refused = readOnly.upload(path, "k.csv", csv, "mode", "SKIP_BAD_ROWS");
        assertThat(refused).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(readOnly.idempotencyKey("key-import").upload(path, "k.csv", csv)).hasStatus(403);
        assertThat(readOnly.get(BASE + "/imports/" + id)).hasStatusOk();
        assertThat(readOnly.upload(path + "/preview", "k.csv", csv)).hasStatusOk();

        assertThat(Json.<List<String>>read(api.as(owner).get(BASE + "/imports?spaceId=" + space), "$.items[*].id"))
                .containsExactly(id);
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(10);

        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MvcTestResult contributed = api.as(contributor).upload(path, "c.csv", csv);
        assertThat(contributed).hasStatus(202);
        await(contributor, Json.read(contributed, "$.id"));
        assertThat(assetTotal(owner, hero, "impressions")).isEqualTo(109);
    }

    @Test
    void anIdempotencyKeyStartsTheImportOnce() throws Exception {
        Member owner = workspaces.workspace("Imports idempotent");
        String space = space(owner, "Once – Meta", "META", "USD");
        headline(owner, space, "Hero", "ad-1");
        byte[] csv = "external_asset_id,date,impressions\nad-1,2027-01-05,10\n".getBytes(StandardCharsets.UTF_8);
        String path = BASE + "/campaign-spaces/" + space + "/assets/import";

        MvcTestResult first = api.as(owner).idempotencyKey("import-once").upload(path, "a.csv", csv);
        MvcTestResult second = api.as(owner).idempotencyKey("import-once").upload(path, "a.csv", csv);

        assertThat(first).hasStatus(202);
        assertThat(second).hasStatus(202);
        assertThat((String) Json.read(second, "$.id")).isEqualTo(Json.read(first, "$.id"));
        assertThat(number(api.as(owner).get(BASE + "/imports?spaceId=" + space), "$.total")).isEqualTo(1);
        await(owner, Json.read(first, "$.id"));
    }
}
