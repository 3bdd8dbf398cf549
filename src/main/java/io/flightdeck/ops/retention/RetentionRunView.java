package io.flightdeck.ops.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One clean-up run of the workspace: what each kind's purge removed, and its export where the policy asked for one.
 *
 * @param trigger     SCHEDULED (the daily job) or MANUAL ("Run now")
 * @param status      QUEUED, RUNNING, DONE, or FAILED (a kind's purge failed: see its error; the others ran)
 * @param requestedBy the admin who asked for a manual run
 * @param removed     rows removed over every kind
 */
@Schema(name = "RetentionRun")
public record RetentionRunView(UUID id, @Schema(allowableValues = {"SCHEDULED", "MANUAL"}) String trigger,
        @Schema(allowableValues = {"QUEUED", "RUNNING", "DONE", "FAILED"}) String status,
        @Nullable UUID requestedBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable String error, long removed, List<Kind> kinds) {

    /**
     * One kind's purge in a run.
     *
     * @param cutoff     rows older than this were purged (the run's time less the days kept)
     * @param exported   whether its rows were exported before they were deleted
     * @param exportRows how many rows the export holds (a row that changed between its export and its delete, and
     *                   so is still needed, is in the export but was kept)
     * @param exportUrl  where the export downloads as JSON Lines, or null without one
     */
    @Schema(name = "RetentionRunKind")
    public record Kind(@Schema(example = "audit-log") String kind, String label, int keepDays, Instant cutoff,
            long removed, boolean exported, long exportRows, @Nullable String exportUrl, @Nullable String error) {
    }
}
