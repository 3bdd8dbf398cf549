package io.flightdeck.shared.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.BiFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * An uploaded CSV file read one record at a time, so memory does not grow with the file: the dialect guessed
 * ({@link CsvDialect}), cells quoted or not, holding delimiters, quotes and line breaks, and a record's number the row
 * a spreadsheet shows (blank lines are records too). The imports build on it, each with its own header rules. A file
 * that stops being CSV from some row on is the module's own exception, made by {@code invalid} from the row and a
 * message.
 */
public final class CsvRecords implements Closeable {

    private final BoundedInputStream counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvDialect dialect;
    private final BiFunction<Long, String, ? extends RuntimeException> invalid;

    private CsvRecords(BoundedInputStream counted, CSVParser parser, CsvDialect dialect,
            BiFunction<Long, String, ? extends RuntimeException> invalid) {
        this.counted = counted;
        this.parser = parser;
        this.records = parser.iterator();
        this.dialect = dialect;
        this.invalid = invalid;
    }

    /** Opens the file; the caller closes it (which closes the stream, also when opening fails). */
    public static CsvRecords open(InputStream content, BiFunction<Long, String, ? extends RuntimeException> invalid)
            throws IOException {
        BoundedInputStream counted = BoundedInputStream.builder().setInputStream(content).get();
        try {
            CsvDialect.Opened opened = CsvDialect.open(counted);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(opened.dialect().delimiter())
                    // blank lines stay records, so a record's number is the row a spreadsheet shows
                    .setIgnoreEmptyLines(false)
                    // Excel's "abc"def: the text after a closing quote belongs to the cell
                    .setTrailingData(true)
                    .get();
            return new CsvRecords(counted, CSVParser.parse(opened.reader(), format), opened.dialect(), invalid);
        } catch (RuntimeException | IOException e) {
            counted.close();
            throw e;
        }
    }

    /** The next record that is not blank, or null at the end of the file. */
    public CSVRecord next() {
        for (CSVRecord record; (record = nextRecord()) != null; ) {
            if (!isBlank(record)) {
                return record;
            }
        }
        return null;
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            long row = parser.getRecordNumber() + 1;
            throw invalid.apply(row, "The file is not valid CSV from row " + row + " on: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record.values()) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    public CsvDialect dialect() {
        return dialect;
    }

    /** Bytes taken from the stream so far (read ahead by up to a buffer), for progress against the file's size. */
    public long bytesRead() {
        return counted.getCount();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
