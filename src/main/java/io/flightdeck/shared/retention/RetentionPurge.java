package io.flightdeck.shared.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The purge of one kind of record, as a bean of the module that owns its tables: the operations module's purge job
 * asks for a small batch of the oldest rows past the cutoff, exports them where the policy asks, then has them
 * deleted, batch after batch, each in its own short transaction (the caller's). Both answer for the current
 * workspace only (for a {@link RetentionKind#platform() platform} kind: the installation's rows, in a system scope),
 * and never for a row still needed (a message still retrying, an unread notification...): the kind's
 * {@link RetentionKind#keeps()} says which.
 */
public interface RetentionPurge {

    RetentionKind kind();

    /**
     * Up to {@code limit} rows older than {@code cutoff} and no longer needed, oldest first: each row's columns by
     * name (as the export writes them), with what {@link #delete} needs to find it again (its {@code id}).
     */
    List<Map<String, Object>> oldRows(Instant cutoff, int limit);

    /**
     * Deletes these rows, as {@link #oldRows} answered them, each only if it is still older than the cutoff and no
     * longer needed (it may have changed since). Answers how many went.
     */
    int delete(List<Map<String, Object>> rows, Instant cutoff);
}
