package io.flightdeck.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.reports.CampaignReports;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.analytics.reports.ReportQuery;
import io.flightdeck.analytics.reports.ReportXlsx;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports on numbers worked out by hand (the dashboard's week of 16 to 22 November beside the week before, two
 * channels, euros and a few dollars): the screen, JSON, CSV (read with Commons CSV), XLSX (read with Apache POI) and
 * PDF (its text taken out by PDFBox) hold the same figures and the same as-of; cells that a spreadsheet would take for
 * a formula come out as text; a section longer than a sheet goes on in a second one; wrong requests are problems; a
 * viewer downloads; another workspace finds nothing.
 */
@FlightdeckTest
class CampaignReportsTests {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MetricFacts metricFacts;
    @Autowired
    CampaignReports reports;

    @Test
    void everyFormatHoldsTheScreensNumbersAsOfTheSameMoment() throws IOException {
        Member owner = workspaces.workspace("Reports");
        String campaign = campaigns.create(owner, "Winter sale");
        post(owner, ReportKit.weekBesideWeekBefore(campaign));
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String path = "/api/v1/analytics/campaigns/" + campaign;

        // JSON: the report's data, which the other formats are written from
        MvcTestResult json = api.as(viewer).post(path + "/report", body("DETAILED", "JSON"));
        assertThat(json).hasStatusOk();
        assertThat(json.getResponse().getContentType()).startsWith("application/json");
        String asOf = Json.read(json, "$.asOf");
        String words = WHEN.format(Instant.parse(asOf).atZone(ZoneId.of(Json.read(json, "$.timeZone"))));
        assertThat((String) Json.read(json, "$.title")).isEqualTo("Detailed report: Winter sale");
        assertThat((List<String>) Json.read(json, "$.sections[*].title")).containsExactly("Key figures", "Money",
                "Channels", "Day by day", "Channels in detail");
        assertThat(ReportKit.row(json, 0, 0)).isEqualTo("Impressions 4000 500 700.0");
        assertThat(ReportKit.row(json, 0, 3)).isEqualTo("Click rate (%) 2 8 -75.0");
        assertThat(ReportKit.row(json, 1, 0)).isEqualTo("EUR Spend 100 80 25.0");
        assertThat((String) Json.read(json, "$.sections[1].rows[0][2].currency")).isEqualTo("EUR");
        assertThat((String) Json.read(json, "$.sections[0].rows[0][1].text")).isEqualTo("4,000");

        // the screen: the same tables, in words, and the same as-of
        MockHttpSession session = web.signIn(viewer);
        String screen = web.page(session, "/analytics/campaigns/" + campaign
                + "/report?kind=DETAILED&from=2026-11-16&to=2026-11-22");
        assertThat(screen).contains("Detailed report: Winter sale",
                "<caption>Each figure from 16 Nov 2026 to 22 Nov 2026", "<th scope=\"row\">Impressions</th>",
                ">4,000</td>", ">500</td>", ">+700.0 %</td>", ">−75.0 %</td>", ">EUR 100.00</td>", ">2.50 ×</td>",
                "<th scope=\"row\">16 Nov 2026</th>", "datetime=\"" + asOf + "\"", words,
                "/report/download?kind=DETAILED&amp;from=2026-11-16&amp;to=2026-11-22&amp;format=XLSX");

        // CSV, read with Commons CSV: the same numbers, plain, and the same as-of; the export is the same file
        MvcTestResult csvAnswer = api.as(viewer).post(path + "/report", body("DETAILED", "CSV"));
        assertThat(csvAnswer.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csvAnswer.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"winter-sale-detailed-2026-11-16-to-2026-11-22.csv\"");
        String csvText = Json.body(csvAnswer);
        List<CSVRecord> csv = CSVFormat.DEFAULT.parse(new StringReader(csvText)).getRecords();
        assertThat(ReportKit.line(csv, "As of")).isEqualTo("As of " + asOf);
        assertThat(ReportKit.line(csv, "Impressions")).isEqualTo("Impressions 4000 500 700.0");
        assertThat(ReportKit.line(csv, "Click rate (%)")).isEqualTo("Click rate (%) 2 8 -75.0");
        assertThat(ReportKit.line(csv, "EUR")).isEqualTo("EUR Spend 100 80 25.0");
        assertThat(ReportKit.line(csv, "2026-11-16")).startsWith("2026-11-16 1000 0 50 0 0 100 0");
        assertThat(ReportKit.line(csv, "SEARCH_ADS")).isEqualTo("SEARCH_ADS 1000 50 5 5 10 100 0");
        MvcTestResult export = api.as(viewer).post(path + "/export",
                Map.of("from", "2026-11-16", "to", "2026-11-22", "format", "CSV"));
        assertThat(Json.body(export)).isEqualTo(csvText);

        // the same report on screen, with its chart drawn as SVG above the table behind it
        String executive = web.page(session, "/analytics/campaigns/" + campaign
                + "/report?kind=EXECUTIVE&from=2026-11-16&to=2026-11-22");
        assertThat(executive).contains("Impressions rose to 4,000, up 700.0 % on the 7 days before.",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" role=\"img\"",
                "<title>Line chart of clicks (80 in all) and conversions (5 in all) each day", words);
        // and the page's own downloads
        MvcTestResult download = mvc.get().uri("/analytics/campaigns/" + campaign
                + "/report/download?kind=SUMMARY&from=2026-11-16&to=2026-11-22&format=CSV").session(session).exchange();
        assertThat(download).hasStatusOk();
        assertThat(Json.body(download)).contains("As of," + asOf, "Impressions,4000,500,700.0");

        Member stranger = workspaces.workspace("Reports stranger");
        assertThat(api.as(stranger).post(path + "/report", body("SUMMARY", "PDF"))).hasStatus(404);
        assertThat(api.as(stranger).post(path + "/export", Map.of("format", "CSV"))).hasStatus(404);
        assertThat(mvc.get().uri("/analytics/campaigns/" + campaign + "/report").session(web.signIn(stranger))
                .exchange()).hasStatus(404);
    }

    @Test
    void excelAndPdfHoldTheSameNumbersAsOfTheSameMoment() throws IOException {
        Member owner = workspaces.workspace("Reports files");
        String campaign = campaigns.create(owner, "Winter sale");
        post(owner, ReportKit.weekBesideWeekBefore(campaign));
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String path = "/api/v1/analytics/campaigns/" + campaign;
        MvcTestResult json = api.as(viewer).post(path + "/report", body("EXECUTIVE", "JSON"));
        String asOf = Json.read(json, "$.asOf");
        String words = WHEN.format(Instant.parse(asOf).atZone(ZoneId.of(Json.read(json, "$.timeZone"))));

        // XLSX, read with Apache POI: numbers stay numbers in their formats, the same as-of
        MvcTestResult xlsxAnswer = api.as(viewer).post(path + "/report", body("DETAILED", "XLSX"));
        assertThat(xlsxAnswer.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(xlsxAnswer.getResponse()
                .getContentAsByteArray()))) {
            assertThat(ReportKit.sheetNames(xlsx)).containsExactly("Report", "Key figures", "Money", "Channels",
                    "Day by day", "Channels in detail");
            assertThat(ReportKit.values(xlsx.getSheet("Report").getRow(6))).isEqualTo("As of " + asOf);
            Sheet keyFigures = xlsx.getSheet("Key figures");
            assertThat(xlsx.getFontAt(keyFigures.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(ReportKit.values(keyFigures.getRow(1))).isEqualTo("Impressions 4000 500 7");
            assertThat(keyFigures.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            // per cents as Excel per cents: 2 % is 0.02
            assertThat(ReportKit.values(keyFigures.getRow(4))).isEqualTo("Click rate (%) 0.02 0.08 -0.75");
            assertThat(keyFigures.getRow(4).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            Row spend = xlsx.getSheet("Money").getRow(1);
            assertThat(ReportKit.values(spend)).isEqualTo("EUR Spend 100 80 0.25");
            assertThat(spend.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00 [$EUR]");
            Row day = xlsx.getSheet("Day by day").getRow(1);
            assertThat(day.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 16));
            assertThat(day.getCell(1).getNumericCellValue()).isEqualTo(1000);
        }

        // PDF, its text taken out by PDFBox: the executive report's figures, sentences, chart table and as-of
        long started = System.nanoTime();
        MvcTestResult pdfAnswer = api.as(viewer).post(path + "/report", body("EXECUTIVE", "PDF"));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        assertThat(api.as(viewer).post(path + "/report", body("EXECUTIVE", "PDF"))).hasStatusOk();
        System.out.printf("executive PDF: first %d ms, again %d ms%n", firstMillis,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(pdfAnswer).hasStatusOk();
        assertThat(pdfAnswer.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdfAnswer.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"winter-sale-executive-2026-11-16-to-2026-11-22.pdf\"");
        try (PDDocument pdf = Loader.loadPDF(pdfAnswer.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Executive report: Winter sale", "Numbers as of " + words,
                    "Impressions rose to 4,000, up 700.0 % on the 7 days before.",
                    "Most conversions came from SEARCH_ADS: 5 of 5.", "Headline figures", "Impressions 4,000 500 +700.0 %",
                    "Spend in EUR EUR 100.00 EUR 80.00 +25.0 %", "Clicks and conversions per day", "16 Nov 2026 50 0");
            assertThat(ReportKit.fontNames(pdf)).anyMatch(name -> name.contains("DejaVuSans"));
        }
    }

    @Test
    void cellsThatCouldStartAFormulaAreWrittenAsText() throws IOException {
        Member owner = workspaces.workspace("Reports formulas");
        String campaign = campaigns.create(owner, "=HYPERLINK(\"http://evil.example\",\"Win\")");
        TenantScope.run(owner.workspaceId(), () -> metricFacts.upsert(List.of(
                fact(campaign, "@SUM(1+1)", "2026-11-16", "7"), fact(campaign, "+1-2", "2026-11-17", "3"),
                fact(campaign, "-cmd", "2026-11-18", "2"))));
        RolledUp.await(jdbc, owner);
        String path = "/api/v1/analytics/campaigns/" + campaign + "/report";

        MvcTestResult csvAnswer = api.as(owner).post(path, body("SUMMARY", "CSV"));
        assertThat(csvAnswer.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"hyperlink-http-evil-example-win-summary-2026-11-16-to-2026-11-22.csv\"");
        List<CSVRecord> csv = CSVFormat.DEFAULT.parse(new StringReader(Json.body(csvAnswer))).getRecords();
        assertThat(csv.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Win\")");
        assertThat(ReportKit.firstCells(csv)).contains("'+1-2", "'-cmd", "'@SUM(1+1)").doesNotContain("+1-2", "-cmd", "@SUM(1+1)");

        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(api.as(owner).post(path,
                body("SUMMARY", "XLSX")).getResponse().getContentAsByteArray()))) {
            assertThat(xlsx.getSheet("Report").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Win\")");
            List<String> channels = new ArrayList<>();
            for (Row row : xlsx.getSheet("Channels")) {
                channels.add(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(0).getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
            }
            assertThat(channels).containsExactly("Channel", "'+1-2", "'-cmd", "'@SUM(1+1)");
        }

        // a name in no Latin letters: the PDF sets it in DejaVu (a CJK letter it lacks is replaced, not fatal)
        String other = campaigns.create(owner, "Зимняя распродажа 冬");
        MvcTestResult pdf = api.as(owner).post("/api/v1/analytics/campaigns/" + other + "/report",
                body("SUMMARY", "PDF"));
        assertThat(pdf).hasStatusOk();
        assertThat(pdf.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"campaign-summary-2026-11-16-to-2026-11-22.pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Summary report: Зимняя распродажа");
        }
    }

    @Test
    void aSectionLongerThanASheetGoesOnInTheNext() throws IOException {
        Member owner = workspaces.workspace("Reports split");
        String campaign = campaigns.create(owner, "Long spring");
        List<Map<String, Object>> facts = new ArrayList<>();
        for (int d = 1; d <= 14; d++) {
            facts.add(ReportKit.fact(campaign, "SEARCH_ADS", "CLICKS", "2026-03-%02d".formatted(d), String.valueOf(d * 10), null));
        }
        post(owner, facts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // five rows a sheet: the headings and four days
        new ReportXlsx(5).write(TenantScope.call(owner.workspaceId(), () -> reports.build(new ReportQuery(
                UUID.fromString(campaign), ReportKind.DETAILED, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14)))),
                out);
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(ReportKit.sheetNames(xlsx)).containsSequence("Day by day", "Day by day (2)", "Day by day (3)",
                    "Day by day (4)").doesNotContain("Day by day (5)");
            List<String> days = new ArrayList<>();
            for (String name : List.of("Day by day", "Day by day (2)", "Day by day (3)", "Day by day (4)")) {
                Sheet sheet = xlsx.getSheet(name);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Day");
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(4);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    days.add(sheet.getRow(r).getCell(0).getLocalDateTimeCellValue().toLocalDate() + " "
                            + (long) sheet.getRow(r).getCell(3).getNumericCellValue());
                }
            }
            assertThat(days).hasSize(14).startsWith("2026-03-01 10", "2026-03-02 20").endsWith("2026-03-14 140");
        }
    }

    @Test
    void wrongRequestsAreProblems() {
        Member owner = workspaces.workspace("Reports problems");
        String campaign = campaigns.create(owner, "Problems");
        String path = "/api/v1/analytics/campaigns/" + campaign;
        assertProblem(api.as(owner).post(path + "/report", body("WEEKLY", "PDF")), "kind");
        assertProblem(api.as(owner).post(path + "/report", Map.of("format", "PDF")), "kind");
        assertProblem(api.as(owner).post(path + "/report", body("SUMMARY", "DOCX")), "format");
        assertProblem(api.as(owner).post(path + "/export", Map.of("format", "PDF")), "format");
        assertProblem(api.as(owner).post(path + "/report",
                Map.of("kind", "SUMMARY", "format", "CSV", "from", "2026-11-22", "to", "2026-11-16")), "from");
        assertProblem(api.as(owner).post(path + "/report",
                Map.of("kind", "SUMMARY", "format", "CSV", "from", "2025-01-01", "to", "2026-11-16")), "to");
        MvcTestResult notADate = api.as(owner).post(path + "/report",
                Map.of("kind", "SUMMARY", "format", "CSV", "from", "yesterday"));
        assertThat(notADate).hasStatus(400);
        assertThat(notADate.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.as(owner).post("/api/v1/analytics/campaigns/" + UUID.randomUUID() + "/report",
                body("SUMMARY", "CSV"))).hasStatus(404);

        MockHttpSession session = web.signIn(owner);
        assertThat(mvc.get().uri("/analytics/campaigns/" + campaign + "/report?kind=WEEKLY").session(session)
                .exchange()).hasStatus(400).bodyText().contains("Choose a report kind",
                "Showing the summary of the last 30 days instead");
    }

    private static void assertProblem(MvcTestResult result, String field) {
        assertThat(result).hasStatus(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((String) Json.read(result, "$.errors[0].field")).isEqualTo(field);
    }

    private void post(Member owner, List<Map<String, Object>> facts) {
        assertThat(api.as(owner).post("/api/v1/analytics/facts", Map.of("facts", facts))).hasStatusOk();
        RolledUp.await(jdbc, owner);
    }

    private static Map<String, Object> body(String kind, String format) {
        return Map.of("kind", kind, "format", format, "from", "2026-11-16", "to", "2026-11-22");
    }

    /** Clicks on a channel no bulk caller may name: other modules' sources write any channel through MetricFacts. */
    private static MetricFact fact(String campaign, String channel, String day, String clicks) {
        return new MetricFact("hand", "ad", channel + day, UUID.fromString(campaign), channel, Metric.CLICKS,
                Granularity.DAY, Instant.parse(day + "T00:00:00Z"), new BigDecimal(clicks), null);
    }

}
