package io.flightdeck.ops.bulk;

import java.util.List;

/** An operation's items counted by state, from one grouped query. */
record BulkCounts(long pending, long succeeded, long failed, long skipped, long undone, long undoFailed) {

    record ByState(BulkItemState state, long count) {
    }

    static BulkCounts of(List<ByState> rows) {
        long[] n = new long[BulkItemState.values().length];
        rows.forEach(r -> n[r.state().ordinal()] = r.count());
        return new BulkCounts(n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
