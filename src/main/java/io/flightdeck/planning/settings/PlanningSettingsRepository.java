package io.flightdeck.planning.settings;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanningSettingsRepository extends JpaRepository<PlanningSettings, UUID> {

    /** The current workspace's row (the tenant filter narrows the table to it). */
    Optional<PlanningSettings> findFirstBy();
}
