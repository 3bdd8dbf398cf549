package io.flightdeck.guidance.strategy;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StrategyGenerationRequestRepository extends JpaRepository<StrategyGenerationRequest, UUID> {
}
