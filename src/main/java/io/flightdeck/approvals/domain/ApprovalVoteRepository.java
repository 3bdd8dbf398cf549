package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalVoteRepository extends JpaRepository<ApprovalVote, UUID> {

    List<ApprovalVote> findByApprovalIdAndCycleAndStageIndex(UUID approvalId, int cycle, int stageIndex);

    List<ApprovalVote> findByApprovalIdIn(java.util.Collection<UUID> approvalIds);
}
