package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.search.MassIndexingRun;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One full reindex of a workspace's search indexes, as far as it has got. Bookkeeping, so not audited. */
@Entity
@Table(name = "search_reindexes")
@NotAudited
class SearchReindex extends MassIndexingRun {

    protected SearchReindex() {
    }

    /** @param requestedBy null when the application asked (an empty index at start-up) */
    SearchReindex(UUID requestedBy, Instant now) {
        super(requestedBy, now);
    }

    SearchReindexView view() {
        return new SearchReindexView(getId(), getStatus().name(), getEntitiesDone(), getEntitiesTotal(),
                getRequestedBy(), getRequestedAt(), getStartedAt(), getFinishedAt(), getError());
    }
}
