package io.flightdeck.publishing.workflow;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignWorkflowRepository extends JpaRepository<CampaignWorkflow, UUID> {

    Optional<CampaignWorkflow> findByCampaignId(UUID campaignId);
}
