package io.flightdeck.shared.search;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * One mass indexing of a workspace's documents, as far as it has got: the row a module keeps for each reindex it
 * runs (the subclass names its table and its view), written only by {@link MassIndexing}. Bookkeeping, so a subclass
 * should be {@code @NotAudited}.
 */
@MappedSuperclass
public abstract class MassIndexingRun extends TenantOwnedEntity {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        boolean isActive() {
            return this == QUEUED || this == RUNNING;
        }
    }

    private static final int MAX_ERROR = 2000;

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

    protected MassIndexingRun() {
    }

    /** @param requestedBy null when the application asked (an empty index at start-up) */
    protected MassIndexingRun(UUID requestedBy, Instant now) {
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
        this.error = error == null ? "failed" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        this.finishedAt = now;
    }

    protected Status getStatus() {
        return status;
    }

    protected long getEntitiesDone() {
        return entitiesDone;
    }

    /** Null until the run has counted what it indexes. */
    protected Long getEntitiesTotal() {
        return entitiesTotal;
    }

    protected UUID getRequestedBy() {
        return requestedBy;
    }

    protected Instant getRequestedAt() {
        return requestedAt;
    }

    protected Instant getStartedAt() {
        return startedAt;
    }

    protected Instant getFinishedAt() {
        return finishedAt;
    }

    protected String getError() {
        return error;
    }
}
