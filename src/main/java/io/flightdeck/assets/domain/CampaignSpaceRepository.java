package io.flightdeck.assets.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CampaignSpaceRepository extends JpaRepository<CampaignSpace, UUID>, JpaSpecificationExecutor<CampaignSpace> {

    /** The space with its tags in one query (archived ones too: they can be read and restored). */
    @Query("select distinct s from CampaignSpace s left join fetch s.tags where s.id = :id")
    Optional<CampaignSpace> findWithTags(UUID id);
}
