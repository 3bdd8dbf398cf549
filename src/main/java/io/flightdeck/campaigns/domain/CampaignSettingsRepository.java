package io.flightdeck.campaigns.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignSettingsRepository extends JpaRepository<CampaignSettings, UUID> {

    /** The one row of the current workspace (the tenant filter narrows it). */
    Optional<CampaignSettings> findFirstBy();
}
