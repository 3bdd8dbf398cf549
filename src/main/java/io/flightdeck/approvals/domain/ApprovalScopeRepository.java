package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalScopeRepository extends JpaRepository<ApprovalScope, UUID> {

    List<ApprovalScope> findAllByOrderByPositionAscKeyAsc();

    Optional<ApprovalScope> findByKey(String key);
}
