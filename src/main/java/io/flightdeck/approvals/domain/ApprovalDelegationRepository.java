package io.flightdeck.approvals.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalDelegationRepository extends JpaRepository<ApprovalDelegation, UUID> {

    List<ApprovalDelegation> findByDelegateIdAndRevokedAtIsNull(UUID delegateId);

    List<ApprovalDelegation> findByDelegatorIdOrDelegateIdOrderByStartsAtDesc(UUID delegatorId, UUID delegateId);

    List<ApprovalDelegation> findByDelegatorIdInAndRevokedAtIsNull(Collection<UUID> delegatorIds);
}
