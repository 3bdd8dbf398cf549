package io.flightdeck.publishing.posts;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SocialPostRepository extends JpaRepository<SocialPost, UUID> {

    Page<SocialPost> findByCampaignId(UUID campaignId, Pageable pageable);

    @Query("select p from SocialPost p where p.id in :ids")
    List<SocialPost> findAllByIds(Collection<UUID> ids);
}
