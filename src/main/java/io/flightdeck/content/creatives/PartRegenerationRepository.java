package io.flightdeck.content.creatives;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartRegenerationRepository extends JpaRepository<PartRegeneration, UUID> {
}
