package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewerLinkRepository extends JpaRepository<ReviewerLink, UUID> {

    Optional<ReviewerLink> findByTokenHash(String tokenHash);

    List<ReviewerLink> findByApprovalIdOrderByCreatedAtDesc(UUID approvalId);
}
