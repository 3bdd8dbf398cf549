package io.flightdeck.analytics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.shared.csv.SpreadsheetCells;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as an Excel workbook, streamed with fastexcel: a "Report" sheet saying what it is and as of when (and the
 * executive report's sentences), then one sheet per section with a bold, frozen heading row, columns as wide as their
 * content, and cells that stay numbers: counts, per cents (as Excel per cents, 6.25 % is 0.0625), changes, ratios,
 * money in its currency's format, dates as dates. Text is defused as in CSV files. A section longer than a sheet goes
 * on in a second sheet named "… (2)" with the headings again: split, never cut.
 */
public final class ReportXlsx {

    /** The rows of an Excel sheet, the heading row included. */
    public static final int SHEET_ROWS = 1_048_576;
    private static final int SHEET_NAME = 31;
    private static final int FLUSH_EVERY = 1_000;

    private final int rowLimit;

    ReportXlsx() {
        this(SHEET_ROWS);
    }

    /** A writer whose sheets hold at most {@code rowLimit} rows, the heading included (tests use a small one). */
    public ReportXlsx(int rowLimit) {
        if (rowLimit < 2) {
            throw new IllegalArgumentException("a sheet needs room for its headings and a row: " + rowLimit);
        }
        this.rowLimit = rowLimit;
    }

    /** Writes the workbook to {@code out} (left open), a sheet at a time. */
    public void write(CampaignReport report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Flightdeck", "1.0");
        Set<String> names = new HashSet<>();
        about(workbook.newWorksheet(name("Report", "", names)), report);
        for (ReportSection section : report.sections()) {
            int perSheet = rowLimit - 1;
            int sheets = Math.max(1, (section.rows().size() + perSheet - 1) / perSheet);
            for (int part = 0; part < sheets; part++) {
                String suffix = part == 0 ? "" : " (" + (part + 1) + ")";
                List<List<ReportCell>> rows = section.rows().subList(part * perSheet,
                        Math.min(section.rows().size(), (part + 1) * perSheet));
                table(workbook.newWorksheet(name(section.title(), suffix, names)), section.headings(), rows);
            }
        }
        workbook.finish();
    }

    private static void about(Worksheet sheet, CampaignReport report) throws IOException {
        sheet.width(0, 16);
        sheet.width(1, 60);
        Object[][] lines = {{"Report", text(report.title())}, {"Campaign", text(report.campaignName())},
                {"From", report.from()}, {"To", report.to()}, {"Compared with from", report.previousFrom()},
                {"Compared with to", report.previousTo()}, {"As of", report.asOf().toString()},
                {"Time zone", report.timeZone()}};
        int r = 0;
        for (Object[] line : lines) {
            sheet.inlineString(r, 0, (String) line[0]);
            sheet.style(r, 0).bold().set();
            if (line[1] instanceof java.time.LocalDate date) {
                sheet.value(r, 1, date);
                sheet.style(r, 1).format("yyyy-mm-dd").horizontalAlignment("left").set();
            } else {
                sheet.inlineString(r, 1, (String) line[1]);
            }
            r++;
        }
        if (!report.sentences().isEmpty()) {
            r++;
            sheet.inlineString(r, 0, "In brief");
            sheet.style(r, 0).bold().set();
            for (String sentence : report.sentences()) {
                sheet.inlineString(++r, 0, text(sentence));
            }
        }
        sheet.finish();
    }

    private static void table(Worksheet sheet, List<String> headings, List<List<ReportCell>> rows)
            throws IOException {
        // widths first: they are written ahead of the rows
        for (int c = 0; c < headings.size(); c++) {
            int width = headings.get(c).length();
            for (List<ReportCell> row : rows) {
                width = Math.max(width, row.get(c).text().length());
            }
            sheet.width(c, Math.min(60, Math.max(8, width + 2)));
        }
        sheet.freezePane(0, 1);
        for (int c = 0; c < headings.size(); c++) {
            sheet.inlineString(0, c, text(headings.get(c)));
            sheet.style(0, c).bold().fillColor("E8ECF8").set();
        }
        int r = 1;
        for (List<ReportCell> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                cell(sheet, r, c, row.get(c));
            }
            if (r % FLUSH_EVERY == 0) {
                sheet.flush();
            }
            r++;
        }
        sheet.finish();
    }

    private static void cell(Worksheet sheet, int r, int c, ReportCell cell) {
        switch (cell.type()) {
            case TEXT -> sheet.inlineString(r, c, text(cell.text()));
            case DATE -> {
                sheet.value(r, c, cell.date());
                sheet.style(r, c).format("yyyy-mm-dd").set();
            }
            default -> {
                if (cell.value() == null) {
                    return; // nothing to divide by, or nothing before: an empty cell, never 0
                }
                boolean percent = cell.type() == ReportCellType.PERCENT || cell.type() == ReportCellType.CHANGE;
                sheet.value(r, c, percent ? cell.value().movePointLeft(2) : cell.value());
                sheet.style(r, c).format(format(cell)).set();
            }
        }
    }

    private static String format(ReportCell cell) {
        return switch (cell.type()) {
            case COUNT -> whole(cell.value()) ? "#,##0" : "#,##0.0###";
            case PERCENT -> "0.00%";
            case CHANGE -> "+0.0%;-0.0%;0.0%";
            case RATIO -> "0.00";
            // Excel's currency symbol: [$EUR] shows EUR. Three capital letters (facts refuse anything else), and no
            // double quotes, which fastexcel writes into the style sheet's XML unescaped
            case MONEY -> "#,##0.00 [$" + cell.currency() + "]";
            default -> "General";
        };
    }

    private static boolean whole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * A sheet name Excel takes: at most 31 characters with the part's {@code suffix} (" (2)") kept whole, none of
     * : \ / ? * [ ], unique whatever the case.
     */
    static String name(String title, String suffix, Set<String> taken) {
        String clean = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        String name = fit(clean, suffix);
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = fit(clean, suffix + " ~" + n);
        }
        return name;
    }

    private static String fit(String title, String suffix) {
        int room = SHEET_NAME - suffix.length();
        return (title.length() > room ? title.substring(0, room).strip() : title) + suffix;
    }

    private static String text(String text) {
        return SpreadsheetCells.text(text);
    }
}
