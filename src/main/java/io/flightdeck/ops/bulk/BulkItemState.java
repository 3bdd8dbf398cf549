package io.flightdeck.ops.bulk;

/** One item's outcome: waiting, changed or refused, skipped by a cancel, and after an undo put back or not. */
public enum BulkItemState {
    PENDING, SUCCEEDED, FAILED, SKIPPED, UNDONE, UNDO_FAILED
}
