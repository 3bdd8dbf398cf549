package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An external reviewer (a client, legal) who reviews one approval through a signed, expiring link without an account.
 * Only the SHA-256 of the link's secret is stored.
 */
@Entity
@Table(name = "approval_reviewer_links")
class ReviewerLink extends TenantOwnedEntity {

    private UUID approvalId;
    private String reviewerName;
    private String reviewerEmail;
    private boolean canApprove;
    private String tokenHash;
    private Instant expiresAt;
    private Instant revokedAt;
    private UUID createdBy;
    private Instant createdAt;
    @Version
    private Long version;

    protected ReviewerLink() {
    }

    ReviewerLink(UUID approvalId, String reviewerName, String reviewerEmail, boolean canApprove, String tokenHash,
            Instant expiresAt, UUID createdBy, Instant now) {
        this.approvalId = approvalId;
        this.reviewerName = reviewerName;
        this.reviewerEmail = reviewerEmail;
        this.canApprove = canApprove;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    UUID getApprovalId() {
        return approvalId;
    }

    String getReviewerName() {
        return reviewerName;
    }

    String getReviewerEmail() {
        return reviewerEmail;
    }

    boolean isCanApprove() {
        return canApprove;
    }

    String getTokenHash() {
        return tokenHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
