package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One full reindex of a workspace's search indexes, as far as it has got. Bookkeeping, so not audited. */
@Entity
@Table(name = "search_reindexes")
@NotAudited
class SearchReindex extends TenantOwnedEntity {

    enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        boolean isActive() {
            return this == QUEUED || this == RUNNING;
        }
    }

    @Enumerated(EnumType.STRING)
    private Status status;
    private Long entitiesTotal;
    private long entitiesDone;
    private UUID requestedBy;
    private Instant requestedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;
    @Version
    private Long version;

    protected SearchReindex() {
    }

    /** @param requestedBy null when the application asked (an empty index at start-up) */
    SearchReindex(UUID requestedBy, Instant now) {
        this.status = Status.QUEUED;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    /** Also when a crashed run is picked up again: it starts over. */
    void started(Instant now) {
        this.status = Status.RUNNING;
        this.entitiesTotal = null;
        this.entitiesDone = 0;
        this.startedAt = now;
        this.finishedAt = null;
        this.error = null;
    }

    /** @param total null until the indexer has counted */
    void progressed(long done, Long total) {
        this.entitiesDone = done;
        this.entitiesTotal = total;
    }

    void succeeded(long done, Long total, Instant now) {
        this.status = Status.SUCCEEDED;
        this.entitiesDone = done;
        this.entitiesTotal = total == null ? done : total;
        this.finishedAt = now;
    }

    void failed(String error, Instant now) {
        this.status = Status.FAILED;
        this.error = error == null ? "failed" : error.length() > 2000 ? error.substring(0, 2000) : error;
        this.finishedAt = now;
    }

    Status getStatus() {
        return status;
    }

    SearchReindexView view() {
        return new SearchReindexView(getId(), status.name(), entitiesDone, entitiesTotal, requestedBy, requestedAt,
                startedAt, finishedAt, error);
    }
}
