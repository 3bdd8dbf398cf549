package io.flightdeck.content.repurposing;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RepurposeSourceRepository extends JpaRepository<RepurposeSource, UUID> {

    @Query("select s from RepurposeSource s where ?1 is null or s.campaignId = ?1")
    Page<RepurposeSource> findByCampaign(UUID campaignId, Pageable pageable);
}
