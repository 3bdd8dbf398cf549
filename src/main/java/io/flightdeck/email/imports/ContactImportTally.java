package io.flightdeck.email.imports;

/** A run's counters while it goes; what is committed is what the import row says. */
final class ContactImportTally {

    long read;
    long added;
    long updated;
    long skipped;
    long suppressed;
    long rejected;
    /** error lines, several per row possible */
    long errors;
    /** error lines in the report so far (it keeps the first {@link ContactImportLedger#MAX_STORED_ERRORS}) */
    long storedErrors;
    /** the last row whose outcome is committed */
    long lastRow;
    long bytesDone;
}
