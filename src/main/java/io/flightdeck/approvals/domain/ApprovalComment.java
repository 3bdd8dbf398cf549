package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A comment or change request on an approval; replies point at their parent, mentions list members' ids. */
@Entity
@Table(name = "approval_comments")
class ApprovalComment extends TenantOwnedEntity {

    enum Kind { COMMENT, CHANGE_REQUEST }

    private UUID approvalId;
    private UUID parentId;
    private UUID authorId;
    private UUID reviewerLinkId;
    private String authorName;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String body;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<UUID> mentions = new ArrayList<>();
    private Instant resolvedAt;
    private UUID resolvedBy;
    private Instant createdAt;
    @Version
    private Long version;

    protected ApprovalComment() {
    }

    ApprovalComment(UUID approvalId, UUID parentId, Voter author, Kind kind, String body, List<UUID> mentions, Instant at) {
        this.approvalId = approvalId;
        this.parentId = parentId;
        this.authorId = author.userId();
        this.reviewerLinkId = author.reviewerLinkId();
        this.authorName = author.label();
        this.kind = kind;
        this.body = body;
        this.mentions = new ArrayList<>(mentions);
        this.createdAt = at;
    }

    void resolve(UUID by, Instant at) {
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    UUID getApprovalId() {
        return approvalId;
    }

    UUID getParentId() {
        return parentId;
    }

    UUID getAuthorId() {
        return authorId;
    }

    String getAuthorName() {
        return authorName;
    }

    Kind getKind() {
        return kind;
    }

    String getBody() {
        return body;
    }

    List<UUID> getMentions() {
        return List.copyOf(mentions);
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }

    UUID getResolvedBy() {
        return resolvedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
