package io.flightdeck.guidance.objectives;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ObjectiveRepository extends JpaRepository<Objective, UUID> {

    Optional<Objective> findByCampaignId(UUID campaignId);

    List<Objective> findByCampaignIdIn(Collection<UUID> campaignIds);
}
