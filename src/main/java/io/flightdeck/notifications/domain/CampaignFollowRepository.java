package io.flightdeck.notifications.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignFollowRepository extends JpaRepository<CampaignFollow, UUID> {

    Optional<CampaignFollow> findByCampaignIdAndMemberId(UUID campaignId, UUID memberId);

    @Query("select f.memberId from CampaignFollow f where f.campaignId = :campaignId")
    List<UUID> findMemberIds(UUID campaignId);

    long countByCampaignId(UUID campaignId);
}
