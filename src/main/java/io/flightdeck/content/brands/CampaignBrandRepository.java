package io.flightdeck.content.brands;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignBrandRepository extends JpaRepository<CampaignBrand, UUID> {

    Optional<CampaignBrand> findByCampaignId(UUID campaignId);

    long countByBrandId(UUID brandId);
}
