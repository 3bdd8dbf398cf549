package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** While the delegator is away, the delegate may approve what is routed to the delegator, on their behalf. */
@Entity
@Table(name = "approval_delegations")
class ApprovalDelegation extends TenantOwnedEntity {

    private UUID delegatorId;
    private UUID delegateId;
    private Instant startsAt;
    private Instant endsAt;
    private String note;
    private Instant revokedAt;
    private Instant createdAt;
    @Version
    private Long version;

    protected ApprovalDelegation() {
    }

    ApprovalDelegation(UUID delegatorId, UUID delegateId, Instant startsAt, Instant endsAt, String note, Instant now) {
        this.delegatorId = delegatorId;
        this.delegateId = delegateId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.note = note;
        this.createdAt = now;
    }

    boolean activeAt(Instant now) {
        return revokedAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    UUID getDelegatorId() {
        return delegatorId;
    }

    UUID getDelegateId() {
        return delegateId;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    String getNote() {
        return note;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }
}
