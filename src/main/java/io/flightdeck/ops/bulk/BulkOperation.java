package io.flightdeck.ops.bulk;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One bulk operation a member started: what, on how many items, as whom (the role is the one they had when they
 * asked, an API key's ceiling applied, and every item is checked against it again), and its counters, which the job
 * writes once per batch from the items themselves.
 */
@Entity
@Table(name = "bulk_operations")
class BulkOperation extends TenantOwnedEntity {

    private String itemType;
    private String action;
    @JdbcTypeCode(SqlTypes.JSON)
    private BulkParams params;
    @Enumerated(EnumType.STRING)
    private BulkStatus status;
    private int total;
    private int done;
    private int succeeded;
    private int failed;
    private int undone;
    private int undoFailed;
    private UUID requestedBy;
    @Enumerated(EnumType.STRING)
    private Role requesterRole;
    private String requesterName;
    private Instant createdAt;
    private Instant finishedAt;
    private Instant undoStartedAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected BulkOperation() {
    }

    BulkOperation(String itemType, String action, BulkParams params, int total, UUID requestedBy, Role requesterRole,
            String requesterName, Instant now) {
        this.itemType = itemType;
        this.action = action;
        this.params = params;
        this.status = BulkStatus.QUEUED;
        this.total = total;
        this.requestedBy = requestedBy;
        this.requesterRole = requesterRole;
        this.requesterName = requesterName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void counted(BulkCounts counts, Instant now) {
        this.done = (int) (counts.succeeded() + counts.failed() + counts.undone() + counts.undoFailed());
        this.succeeded = (int) (counts.succeeded() + counts.undone() + counts.undoFailed());
        this.failed = (int) counts.failed();
        this.undone = (int) counts.undone();
        this.undoFailed = (int) counts.undoFailed();
        this.updatedAt = now;
    }

    void moveTo(BulkStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
        if (status == BulkStatus.FINISHED || status == BulkStatus.CANCELLED) {
            this.finishedAt = now;
        }
        if (status == BulkStatus.UNDOING) {
            this.undoStartedAt = now;
        }
    }

    String getItemType() { return itemType; }
    String getAction() { return action; }
    BulkParams getParams() { return params; }
    BulkStatus getStatus() { return status; }
    int getTotal() { return total; }
    int getDone() { return done; }
    int getSucceeded() { return succeeded; }
    int getFailed() { return failed; }
    int getUndone() { return undone; }
    int getUndoFailed() { return undoFailed; }
    UUID getRequestedBy() { return requestedBy; }
    Role getRequesterRole() { return requesterRole; }
    String getRequesterName() { return requesterName; }
    Instant getCreatedAt() { return createdAt; }
    Instant getFinishedAt() { return finishedAt; }
    Instant getUndoStartedAt() { return undoStartedAt; }
}
