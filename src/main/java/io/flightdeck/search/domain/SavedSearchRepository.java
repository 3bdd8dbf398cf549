package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SavedSearchRepository extends JpaRepository<SavedSearch, UUID> {

    /** The member's own and the workspace's shared searches, by name. */
    @Query("select s from SavedSearch s where s.ownerId = :member or s.visibility = 'WORKSPACE'"
            + " order by lower(s.name), s.id")
    Page<SavedSearch> visibleTo(UUID member, Pageable page);

    /**
     * Watched searches whose last check is older than {@code before} (never checked ones first), across workspaces;
     * called in the system scope.
     */
    @Query("select new io.flightdeck.search.domain.DueSavedSearch(s.id, s.tenantId, s.ownerId) from SavedSearch s"
            + " where s.alert = true and (s.alertCheckedAt is null or s.alertCheckedAt < :before)"
            + " order by s.alertCheckedAt nulls first, s.id")
    List<DueSavedSearch> findDue(Instant before, Pageable page);
}
