package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.search.MassIndexingRun;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One rebuild of a workspace's asset search index, as far as it has got. Bookkeeping, so not audited. */
@Entity
@Table(name = "asset_search_rebuilds")
@NotAudited
class AssetIndexRebuild extends MassIndexingRun {

    protected AssetIndexRebuild() {
    }

    /** @param requestedBy null when the application asked (an empty index at start-up) */
    AssetIndexRebuild(UUID requestedBy, Instant now) {
        super(requestedBy, now);
    }

    AssetIndexRebuildView view() {
        return new AssetIndexRebuildView(getId(), getStatus().name(), getEntitiesDone(), getEntitiesTotal(),
                getRequestedBy(), getRequestedAt(), getStartedAt(), getFinishedAt(), getError());
    }
}
