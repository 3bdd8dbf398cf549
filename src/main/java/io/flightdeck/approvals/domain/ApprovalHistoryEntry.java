package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One line of an approval's history: every transition, vote, escalation and automatic decision, append-only. */
@Entity
@Table(name = "approval_history")
@NotAudited
class ApprovalHistoryEntry extends TenantOwnedEntity {

    private UUID approvalId;
    @Enumerated(EnumType.STRING)
    private HistoryKind kind;
    @Enumerated(EnumType.STRING)
    private ApprovalState fromState;
    @Enumerated(EnumType.STRING)
    private ApprovalState toState;
    private Integer stageIndex;
    private String stageName;
    private UUID actorId;
    private String actorLabel;
    private String comment;
    private Instant occurredAt;

    protected ApprovalHistoryEntry() {
    }

    ApprovalHistoryEntry(Approval approval, HistoryKind kind, ApprovalState from, Voter actor, String comment, Instant at) {
        this.approvalId = approval.getId();
        this.kind = kind;
        this.fromState = from;
        this.toState = approval.getState();
        this.stageIndex = approval.getStageIndex();
        this.stageName = approval.currentStage().name();
        this.actorId = actor.userId();
        this.actorLabel = actor.label();
        this.comment = comment;
        this.occurredAt = at;
    }

    UUID getApprovalId() {
        return approvalId;
    }

    HistoryKind getKind() {
        return kind;
    }

    ApprovalState getFromState() {
        return fromState;
    }

    ApprovalState getToState() {
        return toState;
    }

    Integer getStageIndex() {
        return stageIndex;
    }

    String getStageName() {
        return stageName;
    }

    UUID getActorId() {
        return actorId;
    }

    String getActorLabel() {
        return actorLabel;
    }

    String getComment() {
        return comment;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }
}
