package io.flightdeck.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.shared.csv.SpreadsheetCells;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook streamed with fastexcel, a sheet at a time. A {@link Table} has a bold, frozen heading row and
 * keeps numbers and dates as such with their formats; text is defused as in CSV files. A table longer than a sheet
 * goes on in a sheet named "Name (2)" with the headings again: split, never cut. Sheet names are made ones Excel
 * takes (at most 31 characters, none of : \ / ? * [ ], unique whatever the case).
 */
public final class XlsxWorkbookWriter {

    /** The rows of an Excel sheet, the heading row included. */
    public static final int SHEET_ROWS = 1_048_576;
    private static final int SHEET_NAME = 31;
    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private final int rowLimit;
    private final Set<String> names = new HashSet<>();

    /** A workbook whose sheets hold at most {@code rowLimit} rows, the heading included (tests use a small one). */
    public XlsxWorkbookWriter(OutputStream out, int rowLimit) {
        if (rowLimit < 2) {
            throw new IllegalArgumentException("a sheet needs room for its headings and a row: " + rowLimit);
        }
        this.workbook = new Workbook(out, "Flightdeck", "1.0");
        this.rowLimit = rowLimit;
    }

    /** A sheet of its own layout (a report's cover), named after {@code title}; the caller finishes it. */
    public Worksheet sheet(String title) {
        return workbook.newWorksheet(name(title, "", names));
    }

    /** A table of rows under {@code headings}, columns {@code widths} characters wide; finish it before the next. */
    public Table table(String title, List<String> headings, List<Integer> widths, List<String> formats) {
        return new Table(title, headings, widths, formats);
    }

    /** Ends the workbook; the stream stays open. */
    public void finish() throws IOException {
        workbook.finish();
    }

    /** One table, split over as many sheets as its rows need. */
    public final class Table {

        private final String title;
        private final List<String> headings;
        private final List<Integer> widths;
        private final List<String> formats;
        private Worksheet sheet;
        private int part;
        private int row;

        private Table(String title, List<String> headings, List<Integer> widths, List<String> formats) {
            this.title = title;
            this.headings = headings;
            this.widths = widths;
            this.formats = formats;
            start();
        }

        public void row(List<?> cells) throws IOException {
            if (row == rowLimit) {
                sheet.finish();
                start();
            }
            for (int c = 0; c < cells.size(); c++) {
                cell(row, c, cells.get(c), formats == null ? null : formats.get(c));
            }
            if (++row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        public void finish() throws IOException {
            sheet.finish();
        }

        private void start() {
            part++;
            sheet = workbook.newWorksheet(name(title, part == 1 ? "" : " (" + part + ")", names));
            // widths go ahead of the rows in the sheet's XML
            for (int c = 0; c < headings.size(); c++) {
                sheet.width(c, Math.min(60, Math.max(8, widths.get(c))));
            }
            sheet.freezePane(0, 1);
            for (int c = 0; c < headings.size(); c++) {
                sheet.inlineString(0, c, SpreadsheetCells.text(headings.get(c)));
                sheet.style(0, c).bold().fillColor("E8ECF8").set();
            }
            row = 1;
        }

        private void cell(int r, int c, Object value, String format) {
            if (value == null) {
                return;
            }
            if (value instanceof SheetNumber number) {
                if (number.value() != null) {
                    sheet.value(r, c, number.value());
                    sheet.style(r, c).format(number.excelFormat()).set();
                }
            } else if (value instanceof Number number) {
                sheet.value(r, c, number instanceof BigDecimal ? number : Double.valueOf(number.doubleValue()));
                sheet.style(r, c).format(format == null ? "General" : format).set();
            } else if (value instanceof LocalDate date) {
                sheet.value(r, c, date);
                sheet.style(r, c).format(ExportColumn.DATE).set();
            } else if (value instanceof Instant moment) {
                sheet.value(r, c, LocalDateTime.ofInstant(moment.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
                sheet.style(r, c).format(ExportColumn.DATE_TIME).set();
            } else if (value instanceof Boolean flag) {
                sheet.value(r, c, flag);
            } else {
                sheet.inlineString(r, c, CsvTableWriter.cell(value));
            }
        }
    }

    /** A sheet name Excel takes, with the part's {@code suffix} (" (2)") kept whole. */
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
}
