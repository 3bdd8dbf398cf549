package io.flightdeck.assets.imports;

/** An import's counters while it runs; what is committed is what the import row says. */
final class ImportTally {

    /** data rows read (title lines, the header, blank and total lines do not count) */
    long read;
    long imported;
    long rejected;
    /** error lines, several per row possible */
    long errors;
    /** error lines in the report so far (it keeps the first {@link ImportLedger#MAX_STORED_ERRORS}) */
    long storedErrors;
    /** the last row whose outcome is committed (skip-bad-rows) */
    long lastRow;
    long bytesDone;
}
