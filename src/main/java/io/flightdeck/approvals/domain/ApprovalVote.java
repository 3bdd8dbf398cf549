package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One approver's decision in one stage of one cycle; a stage completes when enough distinct approvers approve. */
@Entity
@Table(name = "approval_votes")
class ApprovalVote extends TenantOwnedEntity {

    enum Decision { APPROVE, REJECT }

    private UUID approvalId;
    private int cycle;
    private int stageIndex;
    private UUID voterId;
    private UUID onBehalfOf;
    private UUID reviewerLinkId;
    private String voterName;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String comment;
    private Instant decidedAt;

    protected ApprovalVote() {
    }

    ApprovalVote(Approval approval, Voter voter, Decision decision, String comment, Instant at) {
        this.approvalId = approval.getId();
        this.cycle = approval.getCycle();
        this.stageIndex = approval.getStageIndex();
        this.voterId = voter.userId();
        this.onBehalfOf = voter.onBehalfOf();
        this.reviewerLinkId = voter.reviewerLinkId();
        this.voterName = voter.label();
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = at;
    }

    /** Who counts toward the quorum: the member acted for (delegation), else the voter, else the reviewer link. */
    UUID countsAs() {
        return onBehalfOf != null ? onBehalfOf : voterId != null ? voterId : reviewerLinkId;
    }

    UUID getApprovalId() {
        return approvalId;
    }

    int getStageIndex() {
        return stageIndex;
    }

    int getCycle() {
        return cycle;
    }

    UUID getVoterId() {
        return voterId;
    }

    UUID getOnBehalfOf() {
        return onBehalfOf;
    }

    String getVoterName() {
        return voterName;
    }

    Decision getDecision() {
        return decision;
    }

    String getComment() {
        return comment;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }
}
