package io.flightdeck.assets.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.flightdeck.shared.csv.CsvDialect;
import io.flightdeck.shared.csv.CsvRecords;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of numbers or metadata read one record at a time ({@link CsvRecords}): the lines before the header
 * skipped, the header read through its format, then the data rows, leaving out blank rows and a report's total lines.
 */
final class ImportFile implements Closeable {

    /** How far down a header row may be: report exports put a title and a date range above it. */
    static final int HEADER_SEARCH_ROWS = 50;

    private final CsvRecords records;
    private final ImportLayout layout;

    private ImportFile(CsvRecords records) {
        this.records = records;
        this.layout = findHeader();
    }

    /** Opens the file and reads up to its header; the caller closes it (which closes the stream). */
    static ImportFile open(InputStream content) throws IOException {
        CsvRecords records = CsvRecords.open(content, ImportFileException::new);
        try {
            return new ImportFile(records);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    private ImportLayout findHeader() {
        long searched = 0;
        while (searched < HEADER_SEARCH_ROWS) {
            CSVRecord record = records.next();
            if (record == null) {
                break;
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
        for (CSVRecord record; (record = records.next()) != null; ) {
            if (!layout.format().isTotalRow(record.get(0))) {
                return new SourceRow(record.getRecordNumber(), record.values());
            }
        }
        return null;
    }

    ImportLayout layout() {
        return layout;
    }

    CsvDialect dialect() {
        return records.dialect();
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
