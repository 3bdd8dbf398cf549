package io.flightdeck.campaigns.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.flightdeck.campaigns.CampaignStatus;
import org.springframework.data.domain.Pageable;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, UUID>, JpaSpecificationExecutor<Campaign> {

    /** One query for the campaign with its channels and tags (small sets, so the join stays small). */
    @Query("""
            select distinct c from Campaign c left join fetch c.channels left join fetch c.tags
            where c.id = :id and c.deletedAt is null""")
    Optional<Campaign> findLive(UUID id);

    @Query("""
            select distinct c from Campaign c left join fetch c.channels left join fetch c.tags
            where c.id in :ids and c.deletedAt is null""")
    List<Campaign> findAllLive(Collection<UUID> ids);

    @Query("""
            select new io.flightdeck.campaigns.CampaignLabel(c.id, c.name, c.status) from Campaign c
            where c.id in :ids and c.deletedAt is null""")
    List<io.flightdeck.campaigns.CampaignLabel> labelsOfLive(Collection<UUID> ids);

    List<Campaign> findByStatusAndDeletedAtIsNullOrderByCreatedAt(CampaignStatus status, Pageable pageable);

    @Query("""
            select c from Campaign c where c.status in :statuses and c.deletedAt is null
            order by lower(c.name), c.id""")
    List<Campaign> findLiveInStatuses(Collection<CampaignStatus> statuses, Pageable limit);

    boolean existsByDeletedAtIsNull();

    /** A member's own live campaigns in the given statuses, soonest start first (the home page's attention list). */
    @Query("""
            select c.id from Campaign c where c.ownerId = :ownerId and c.status in :statuses and c.deletedAt is null
            order by case when c.startDate is null then 1 else 0 end, c.startDate, c.createdAt""")
    List<UUID> findOwnedIds(UUID ownerId, Collection<CampaignStatus> statuses, Pageable limit);
}
