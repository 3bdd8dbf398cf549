package io.flightdeck.email.imports;

/** Where a contact import is. */
public enum ContactImportStatus {
    /** The file is stored and previewed; nothing is written until someone maps its columns and starts it. */
    UPLOADED,
    QUEUED, RUNNING,
    /** Every row was read without an error. */
    SUCCEEDED,
    /** The good rows are in; the bad ones are in the error report. */
    PARTLY,
    /** No row was good, the file could not be read through, or the run gave up. */
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == PARTLY || this == FAILED;
    }

    public boolean isRunning() {
        return this == QUEUED || this == RUNNING;
    }
}
