package io.flightdeck.strategy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StrategyVersionRepository extends JpaRepository<StrategyVersion, UUID> {

    /** The newest version, whatever its status: the next save takes its number plus one. */
    Optional<StrategyVersion> findFirstByCampaignIdOrderByNumberDesc(UUID campaignId);

    Optional<StrategyVersion> findByCampaignIdAndStatus(UUID campaignId, StrategyStatus status);

    /** Several campaigns' versions in one standing, in one query. */
    List<StrategyVersion> findByCampaignIdInAndStatus(Collection<UUID> campaignIds, StrategyStatus status);

    Optional<StrategyVersion> findByCampaignIdAndNumber(UUID campaignId, int number);

    Page<StrategyVersion> findByCampaignIdOrderByNumberDesc(UUID campaignId, Pageable pageable);
}
