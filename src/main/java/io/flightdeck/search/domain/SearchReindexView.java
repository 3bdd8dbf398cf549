package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A full reindex of the workspace's search indexes as the API answers it.
 *
 * @param status         QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param entitiesTotal  the items to index, known once the run has started
 * @param requestedBy    null when the application started it
 */
public record SearchReindexView(UUID id, String status, long entitiesDone, @Nullable Long entitiesTotal,
        UUID requestedBy, Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable String error) {
}
