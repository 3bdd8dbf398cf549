package io.flightdeck.assets.imports;

/** Where an import is. */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED,
    /** nothing written (all-or-nothing with a bad row, every row bad, or a file that is not a readable CSV) */
    FAILED,
    /** skip-bad-rows: the good rows are in, the bad ones are in the error report */
    PARTLY;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == PARTLY;
    }
}
