package io.flightdeck.ops.bulk;

/** Where a bulk operation stands: its items run (QUEUED, RUNNING), then it rests until undone or a day passes. */
public enum BulkStatus {
    QUEUED, RUNNING, FINISHED, CANCELLED, UNDOING, UNDONE;

    /** Its job has work left: items to apply or to undo. */
    boolean live() {
        return this == QUEUED || this == RUNNING || this == UNDOING;
    }
}
