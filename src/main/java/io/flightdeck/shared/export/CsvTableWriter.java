package io.flightdeck.shared.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.csv.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV records to a stream (UTF-8, RFC 4180 quoting): numbers plain (4000, 6.25), dates ISO, moments ISO in UTC,
 * and any text a spreadsheet could take for a formula written as text ({@link SpreadsheetCells}). The stream is
 * flushed now and then and left open.
 */
public final class CsvTableWriter {

    private static final int FLUSH_EVERY = 500;

    private final CSVPrinter csv;
    private int unflushed;

    public CsvTableWriter(OutputStream out) throws IOException {
        this.csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT);
    }

    /** One record of cells, each written as {@link #cell} says. */
    public void row(List<?> cells) throws IOException {
        List<String> line = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            line.add(cell(cell));
        }
        csv.printRecord(line);
        if (++unflushed >= FLUSH_EVERY) {
            flush();
        }
    }

    /** An empty line, between the parts of a file with several tables. */
    public void blankLine() throws IOException {
        csv.println();
    }

    public void flush() throws IOException {
        csv.flush();
        unflushed = 0;
    }

    /** A value as its CSV cell: numbers and dates as they are, everything else as defused text; null is empty. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        } else if (value instanceof SheetNumber number) {
            return number.value() == null ? "" : number.value().toPlainString();
        } else if (value instanceof BigDecimal number) {
            return number.toPlainString();
        } else if (value instanceof Number || value instanceof LocalDate || value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof Instant moment) {
            return moment.truncatedTo(ChronoUnit.SECONDS).toString();
        } else if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return SpreadsheetCells.text(value.toString());
    }
}
