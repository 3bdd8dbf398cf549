package io.flightdeck.planning.tasks;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<Timeline, UUID> {

    Optional<Timeline> findByCampaignId(UUID campaignId);
}
