package io.flightdeck.content.creatives;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CreativeRepository extends JpaRepository<Creative, UUID> {

    /**
     * Held while a render is attached: renders of one creative that finish at once (on two job threads or two nodes)
     * take turns, so each numbers its version after the other's. Without it both took the same next number, and the
     * later one failed on the unique number rather than on the creative's version, which no retry recognised.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Creative c where c.id = ?1")
    Optional<Creative> findForUpdate(UUID id);

    @Query("select c from Creative c where c.campaignId = ?1"
            + " and (?2 = true and c.deletedAt is null or ?2 = false and c.deletedAt is not null)")
    Page<Creative> findByCampaign(UUID campaignId, boolean live, Pageable pageable);

    @Query("select c from Creative c where c.deletedAt is null and (?1 is null or c.status = ?1)")
    Page<Creative> findLive(io.flightdeck.content.creatives.CreativeStatus status, Pageable pageable);

    /** Creatives made from a version older than the given one, for the stale marking. */
    @Query("select c from Creative c where c.campaignId = ?1 and c.deletedAt is null"
            + " and (c.strategyVersion is null or c.strategyVersion < ?2)")
    List<Creative> findMadeBefore(UUID campaignId, int strategyVersion);

    /**
     * The campaign's live creatives a newer strategy version left behind, oldest first, for readiness: their id and
     * title only, so a campaign of hundreds of creatives loads none of them as an entity.
     */
    @Query("select new io.flightdeck.content.creatives.StaleCreative(c.id, c.title) from Creative c"
            + " where c.campaignId = ?1 and c.deletedAt is null and c.staleAgainstVersion is not null order by c.createdAt")
    List<StaleCreative> findStaleTitles(UUID campaignId);

    /** Live creatives whose lower-cased title matches the LIKE pattern (escaped with a backslash), newest change first. */
    @Query(value = "select new io.flightdeck.content.CreativeChoice(c.id, c.campaignId, c.title,"
            + " coalesce(c.updatedAt, c.createdAt)) from Creative c where c.deletedAt is null"
            + " and lower(c.title) like ?1 escape '\\' order by coalesce(c.updatedAt, c.createdAt) desc, c.id",
            countQuery = "select count(c) from Creative c where c.deletedAt is null and lower(c.title) like ?1 escape '\\'")
    Page<io.flightdeck.content.CreativeChoice> findChoices(String titlePattern, Pageable pageable);

    boolean existsByCampaignIdAndDeletedAtIsNull(UUID campaignId);

    @Query("select count(c) from Creative c where c.campaignId = ?1 and c.deletedAt is null and c.status = ?2")
    long countByCampaignAndStatus(UUID campaignId, io.flightdeck.content.creatives.CreativeStatus status);
}
