package io.flightdeck.guidance.strategy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StrategyGenerationEntryRepository extends JpaRepository<StrategyGenerationEntry, UUID> {

    Optional<StrategyGenerationEntry> findByIdAndCampaignId(UUID id, UUID campaignId);
}
