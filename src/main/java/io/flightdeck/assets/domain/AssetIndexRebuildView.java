package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rebuild of the workspace's asset search index as the API answers it.
 *
 * @param status         QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param entitiesTotal  the assets to index, known once the run has started
 * @param requestedBy    null when the application started it (an empty index at start-up)
 */
public record AssetIndexRebuildView(UUID id, String status, long entitiesDone, @Nullable Long entitiesTotal,
        UUID requestedBy, Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable String error) {
}
