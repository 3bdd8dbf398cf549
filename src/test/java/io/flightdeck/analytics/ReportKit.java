package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.Json;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The reports tests' hand-computed facts, and their files read back as rows of values, blank-separated. */
final class ReportKit {

    private ReportKit() {
    }

    /** The dashboard test's week: SEARCH_ADS and LINKEDIN, euros and dollars, the week before, days outside both. */
    static List<Map<String, Object>> weekBesideWeekBefore(String campaign) {
        return List.of(fact(campaign, "SEARCH_ADS", "IMPRESSIONS", "2026-11-16", "1000", null),
                fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-16", "50", null),
                fact(campaign, "SEARCH_ADS", "CONVERSIONS", "2026-11-17", "5", null),
                fact(campaign, "SEARCH_ADS", "SPEND", "2026-11-16", "100.00", "EUR"),
                fact(campaign, "SEARCH_ADS", "REVENUE", "2026-11-18", "250.00", "EUR"),
                fact(campaign, "LINKEDIN", "IMPRESSIONS", "2026-11-20", "3000", null),
                fact(campaign, "LINKEDIN", "CLICKS", "2026-11-20", "30", null),
                fact(campaign, "LINKEDIN", "SPEND", "2026-11-21", "20", "USD"),
                fact(campaign, "SEARCH_ADS", "IMPRESSIONS", "2026-11-10", "500", null),
                fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-10", "40", null),
                fact(campaign, "SEARCH_ADS", "CONVERSIONS", "2026-11-11", "4", null),
                fact(campaign, "SEARCH_ADS", "SPEND", "2026-11-12", "80", "EUR"),
                fact(campaign, "SEARCH_ADS", "REVENUE", "2026-11-15", "120", "EUR"),
                fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-23", "999", null),
                fact(campaign, "SEARCH_ADS", "CLICKS", "2026-11-08", "999", null));
    }

    static Map<String, Object> fact(String campaign, String channel, String metric, String day, String value,
            String currency) {
        Map<String, Object> fact = new HashMap<>(Map.of("source", "hand", "objectType", "ad",
                "objectId", channel + "-" + metric + "-" + day, "campaignId", campaign, "channel", channel,
                "metric", metric, "granularity", "DAY", "periodStart", day + "T00:00:00Z", "value",
                new BigDecimal(value)));
        if (currency != null) {
            fact.put("currency", currency);
        }
        return fact;
    }

    /** The names of the fonts a PDF's pages use. */
    static List<String> fontNames(PDDocument pdf) throws java.io.IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name).getName());
            }
        }
        return fonts;
    }

    /** A JSON row as its cells' values (text for text), blank-separated; "null" where a cell has none. */
    static String row(MvcTestResult result, int section, int row) {
        List<Map<String, Object>> cells = Json.read(result, "$.sections[" + section + "].rows[" + row + "]");
        List<String> values = new ArrayList<>();
        for (Map<String, Object> cell : cells) {
            Object value = "TEXT".equals(cell.get("type")) ? cell.get("text") : cell.get("value");
            values.add(value == null ? "null" : value instanceof Number n
                    ? new BigDecimal(n.toString()).toPlainString() : value.toString());
        }
        return String.join(" ", values);
    }

    /** The first CSV record that starts with {@code first}, its cells blank-separated. */
    static String line(List<CSVRecord> csv, String first) {
        return csv.stream().filter(r -> r.get(0).equals(first)).findFirst()
                .map(r -> String.join(" ", r.toList())).orElseThrow(() -> new AssertionError("no line " + first));
    }

    static List<String> firstCells(List<CSVRecord> csv) {
        return csv.stream().map(r -> r.get(0)).toList();
    }

    static List<String> sheetNames(XSSFWorkbook xlsx) {
        List<String> names = new ArrayList<>();
        xlsx.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** A sheet's row as its cells' values: text, or numbers without trailing zeros. */
    static String values(Row row) {
        List<String> values = new ArrayList<>();
        for (Cell cell : row) {
            values.add(switch (cell.getCellType()) {
                case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case STRING -> cell.getStringCellValue();
                default -> cell.toString();
            });
        }
        return String.join(" ", values);
    }
}
