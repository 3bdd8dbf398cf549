package io.flightdeck.email.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import io.flightdeck.shared.csv.CsvRecords;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of contacts read one record at a time ({@link CsvRecords}: memory does not grow with the file, the
 * character set and delimiter guessed as the assets import guesses them): the first non-blank row as the header, then
 * the data rows without blank ones.
 */
final class ContactCsvFile implements Closeable {

    /** Columns a file may have. */
    static final int MAX_COLUMNS = 200;
    /** What a decoder puts where the bytes were not UTF-8. */
    static final char NOT_UTF8 = '\uFFFD';

    /** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells. */
    record Row(long row, String[] cells) {
    }

    private final CsvRecords records;
    private final List<String> header;

    private ContactCsvFile(CsvRecords records) {
        this.records = records;
        this.header = readHeader();
    }

    /** Opens the file and reads its header; the caller closes it (which closes the stream). */
    static ContactCsvFile open(InputStream content) throws IOException {
        CsvRecords records = CsvRecords.open(content, (row, message) -> new ContactImportFileException(message));
        try {
            return new ContactCsvFile(records);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    private List<String> readHeader() {
        CSVRecord record = records.next();
        if (record == null) {
            throw new ContactImportFileException("The file is empty: it needs a header row and at least one row of "
                    + "contacts.");
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

    /** The next data row, or null at the end of the file. */
    Row next() {
        CSVRecord record = records.next();
        return record == null ? null : new Row(record.getRecordNumber(), record.values());
    }

    List<String> header() {
        return header;
    }

    char delimiter() {
        return records.dialect().delimiter();
    }

    /** Bytes taken from the stream so far (read ahead by up to a buffer), for progress against the file's size. */
    long bytesRead() {
        return records.bytesRead();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
