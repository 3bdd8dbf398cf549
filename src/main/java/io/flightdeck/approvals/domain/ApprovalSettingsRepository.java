package io.flightdeck.approvals.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApprovalSettingsRepository extends JpaRepository<ApprovalSettings, UUID> {

    Optional<ApprovalSettings> findFirstBy();
}
