package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AutoApprovalRuleRepository extends JpaRepository<AutoApprovalRule, UUID> {

    List<AutoApprovalRule> findAllByOrderByName();

    List<AutoApprovalRule> findByEnabledTrue();

    /** Runs in a system scope. */
    @Query("select distinct r.tenantId from AutoApprovalRule r where r.enabled = true")
    List<UUID> workspacesWithEnabledRules();
}
