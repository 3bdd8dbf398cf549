package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalCommentRepository extends JpaRepository<ApprovalComment, UUID> {

    List<ApprovalComment> findByApprovalIdOrderByCreatedAtAscIdAsc(UUID approvalId);

    long countByApprovalIdAndKindAndResolvedAtIsNull(UUID approvalId, ApprovalComment.Kind kind);
}
