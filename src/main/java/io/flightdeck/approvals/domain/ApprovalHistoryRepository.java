package io.flightdeck.approvals.domain;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalHistoryRepository extends JpaRepository<ApprovalHistoryEntry, UUID> {

    Page<ApprovalHistoryEntry> findByApprovalIdOrderByOccurredAtDescIdDesc(UUID approvalId, Pageable pageable);
}
