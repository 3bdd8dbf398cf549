package io.flightdeck.assets.imports;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

import io.flightdeck.shared.csv.CsvDialect;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read one record at a time (memory does not grow with the file): the dialect guessed, the lines before
 * the header skipped, the header read through its format, then the data rows, leaving out blank rows and a report's
 * total lines. Cells may be quoted and hold delimiters, quotes and line breaks.
 */
final class ImportFile implements Closeable {

    /** How far down a header row may be: report exports put a title and a date range above it. */
    static final int HEADER_SEARCH_ROWS = 50;

    private final Counting counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvDialect dialect;
    private final ImportLayout layout;

    private ImportFile(Counting counted, CSVParser parser, CsvDialect dialect) {
        this.counted = counted;
        this.parser = parser;
        this.records = parser.iterator();
        this.dialect = dialect;
        this.layout = findHeader();
    }

    /** Opens the file and reads up to its header; the caller closes it (which closes the stream). */
    static ImportFile open(InputStream content) throws IOException {
        Counting counted = new Counting(content);
        try {
            CsvDialect.Opened opened = CsvDialect.open(counted);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(opened.dialect().delimiter())
                    // blank lines stay records, so a record's number is the row a spreadsheet shows
                    .setIgnoreEmptyLines(false)
                    // Excel's "abc"def: the text after a closing quote belongs to the cell
                    .setTrailingData(true)
                    .get();
            return new ImportFile(counted, CSVParser.parse(opened.reader(), format), opened.dialect());
        } catch (RuntimeException | IOException e) {
            counted.close();
            throw e;
        }
    }

    private ImportLayout findHeader() {
        long searched = 0;
        while (searched < HEADER_SEARCH_ROWS) {
            CSVRecord record = nextRecord();
            if (record == null) {
                break;
            }
            if (isBlank(record)) {
                continue;
            }
            searched++;
            Optional<ImportLayout> layout = ImportLayout.recognise(record.getRecordNumber(), record.values());
            if (layout.isPresent()) {
                return layout.get();
            }
        }
        throw new ImportFileException(searched == 0 ? 0 : 1, searched == 0 ? "The file is empty."
                : "No header row found in the first " + HEADER_SEARCH_ROWS + " rows: expected the seed's columns "
                + "(asset_name, asset_type, external_asset_id, impressions, date ...), a Google Ads report (Ad ID, Day, "
                + "Impr., Clicks, Cost ...) or a Meta Ads export (Ad ID, Reporting starts, Impressions, Amount spent ...).");
    }

    /** The next data row, or null at the end of the file. */
    SourceRow next() {
        for (CSVRecord record; (record = nextRecord()) != null; ) {
            if (isBlank(record) || layout.format().isTotalRow(record.get(0))) {
                continue;
            }
            return new SourceRow(record.getRecordNumber(), record.values());
        }
        return null;
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            long row = parser.getRecordNumber() + 1;
            throw new ImportFileException(row, "The file is not valid CSV from row " + row + " on: "
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

    ImportLayout layout() {
        return layout;
    }

    CsvDialect dialect() {
        return dialect;
    }

    /** Bytes taken from the stream so far (read ahead by up to a buffer), for progress against the file's size. */
    long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
