package io.flightdeck.analytics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.csv.SpreadsheetCells;
import io.flightdeck.shared.export.SheetNumber;
import io.flightdeck.shared.export.XlsxWorkbookWriter;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as an Excel workbook, streamed with fastexcel: a "Report" sheet saying what it is and as of when (and the
 * executive report's sentences), then one sheet per section with a bold, frozen heading row, columns as wide as their
 * content, and cells that stay numbers: counts, per cents (as Excel per cents, 6.25 % is 0.0625), changes, ratios,
 * money in its currency's format, dates as dates. Text is defused as in CSV files. A section longer than a sheet goes
 * on in a second sheet named "… (2)" with the headings again: split, never cut. The writing is the export kit's
 * ({@link XlsxWorkbookWriter}); this class lays the report out.
 */
public final class ReportXlsx {

    private final int rowLimit;

    ReportXlsx() {
        this(XlsxWorkbookWriter.SHEET_ROWS);
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
        XlsxWorkbookWriter workbook = new XlsxWorkbookWriter(out, rowLimit);
        about(workbook.sheet("Report"), report);
        for (ReportSection section : report.sections()) {
            XlsxWorkbookWriter.Table table = workbook.table(section.title(), section.headings(),
                    widths(section), null);
            for (List<ReportCell> row : section.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (ReportCell cell : row) {
                    cells.add(cell(cell));
                }
                table.row(cells);
            }
            table.finish();
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

    /** Columns as wide as their words on screen: the report's rows are in memory already. */
    private static List<Integer> widths(ReportSection section) {
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < section.headings().size(); c++) {
            int width = section.headings().get(c).length();
            for (List<ReportCell> row : section.rows()) {
                width = Math.max(width, row.get(c).text().length());
            }
            widths.add(width + 2);
        }
        return widths;
    }

    /** The cell for the kit: text, a date, or a number in the cell's own format (Excel per cents are hundredths). */
    private static Object cell(ReportCell cell) {
        return switch (cell.type()) {
            case TEXT -> cell.text();
            case DATE -> cell.date();
            default -> {
                if (cell.value() == null) {
                    yield null; // nothing to divide by, or nothing before: an empty cell, never 0
                }
                boolean percent = cell.type() == ReportCellType.PERCENT || cell.type() == ReportCellType.CHANGE;
                yield new SheetNumber(percent ? cell.value().movePointLeft(2) : cell.value(), format(cell));
            }
        };
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

    private static String text(String text) {
        return SpreadsheetCells.text(text);
    }
}
