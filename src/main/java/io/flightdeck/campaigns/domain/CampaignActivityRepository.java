package io.flightdeck.campaigns.domain;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignActivityRepository extends JpaRepository<CampaignActivity, UUID> {

    Page<CampaignActivity> findByCampaignIdOrderByOccurredAtDesc(UUID campaignId, Pageable pageable);
}
