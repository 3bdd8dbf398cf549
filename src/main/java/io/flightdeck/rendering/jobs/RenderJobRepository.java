package io.flightdeck.rendering.jobs;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.flightdeck.rendering.RenderType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RenderJobRepository extends JpaRepository<RenderJob, UUID> {

    @Query("""
            select j from RenderJob j
            where (:allStatuses = true or j.status in :statuses)
              and (:type is null or j.type = :type)
              and (:provider is null or j.provider = :provider)
              and (:creativeId is null or j.creativeId = :creativeId)
              and (:campaignId is null or j.campaignId = :campaignId)
            """)
    Page<RenderJob> search(boolean allStatuses, Collection<RenderStatus> statuses, RenderType type, String provider,
            UUID creativeId, UUID campaignId, Pageable pageable);

    /** In a system scope (a webhook knows the provider's id, not the workspace). */
    java.util.Optional<RenderJob> findByProviderAndProviderJobId(String provider, String providerJobId);

    /** In a system scope: jobs that should be moving and have not, for the sweeper. */
    java.util.List<RenderJob> findTop500ByStatusInAndSubmitRequestedTrueAndUpdatedAtBefore(Collection<RenderStatus> statuses,
            java.time.Instant before);

    /** How many jobs of this type the creative had before: the new one's regeneration count. */
    long countByCreativeIdAndType(UUID creativeId, RenderType type);

    List<RenderJob> findByUpdatedAtAfterOrderByUpdatedAtAsc(java.time.Instant since, Pageable pageable);
}
