package io.flightdeck.email.imports;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import io.flightdeck.shared.csv.CsvDialect;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of contacts read one record at a time (memory does not grow with the file): the character set from its
 * byte-order mark (UTF-8 with or without one), the delimiter (comma or semicolon) guessed from its beginning as the
 * assets import does ({@link CsvDialect}), the first non-blank row as the header, then the data rows without blank
 * ones. Cells may be quoted and hold delimiters, quotes and line breaks.
 */
final class ContactCsvFile implements Closeable {

    /** Columns a file may have. */
    static final int MAX_COLUMNS = 200;
    /** What a decoder puts where the bytes were not UTF-8. */
    static final char NOT_UTF8 = '\uFFFD';

    /** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells. */
    record Row(long row, String[] cells) {
    }

    private final Counting counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvDialect dialect;
    private final List<String> header;

    private ContactCsvFile(Counting counted, CSVParser parser, CsvDialect dialect) {
        this.counted = counted;
        this.parser = parser;
        this.records = parser.iterator();
        this.dialect = dialect;
        this.header = readHeader();
    }

    /** Opens the file and reads its header; the caller closes it (which closes the stream). */
    static ContactCsvFile open(InputStream content) throws IOException {
        Counting counted = new Counting(content);
        try {
            CsvDialect.Opened opened = CsvDialect.open(counted);
            char delimiter = opened.dialect().delimiter();
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // blank lines stay records, so a record's number is a spreadsheet's row
                    .setTrailingData(true) // Excel's "abc"def: the text after a closing quote belongs to the cell
                    .get();
            return new ContactCsvFile(counted, CSVParser.parse(opened.reader(), format),
                    new CsvDialect(opened.dialect().charset(), delimiter));
        } catch (RuntimeException | IOException e) {
            counted.close();
            throw e;
        }
    }

    private List<String> readHeader() {
        for (CSVRecord record; (record = nextRecord()) != null; ) {
            if (isBlank(record)) {
                continue;
            }
            if (record.size() > MAX_COLUMNS) {
                throw new ContactImportFileException("The header has " + record.size() + " columns; an import takes "
                        + "at most " + MAX_COLUMNS + ".");
            }
            String[] names = record.values();
            for (int i = 0; i < names.length; i++) {
                names[i] = names[i].strip();
                if (names[i].indexOf('\0') >= 0) {
                    throw new ContactImportFileException("The file is not CSV text (it looks like a workbook or "
                            + "another binary file). Save it as CSV UTF-8 and upload that file.");
                }
                if (names[i].indexOf(NOT_UTF8) >= 0) {
                    throw new ContactImportFileException("The file is not UTF-8 text. Save it as CSV UTF-8 (Excel: "
                            + "Save as, CSV UTF-8) and upload it again.");
                }
                if (names[i].length() > 200) {
                    names[i] = names[i].substring(0, 199) + "…";
                }
            }
            return Arrays.asList(names);
        }
        throw new ContactImportFileException("The file is empty: it needs a header row and at least one row of "
                + "contacts.");
    }

    /** The next data row, or null at the end of the file. */
    Row next() {
        for (CSVRecord record; (record = nextRecord()) != null; ) {
            if (!isBlank(record)) {
                return new Row(record.getRecordNumber(), record.values());
            }
        }
        return null;
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            long row = parser.getRecordNumber() + 1;
            throw new ContactImportFileException("The file is not valid CSV from row " + row + " on: "
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

    List<String> header() {
        return header;
    }

    char delimiter() {
        return dialect.delimiter();
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
    }
}
