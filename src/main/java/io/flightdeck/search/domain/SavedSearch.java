package io.flightdeck.search.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member's named search: the words and filters (JSON of a {@link SearchQuery}), private or shared with the
 * workspace. Only its owner changes it. Watched ({@code alert}), it remembers which hits its last check found, so the
 * next check tells its owner of the new ones alone; switching the alert on, or changing the search, starts that memory
 * again from what the search finds now, so a new watch does not announce everything it already matches.
 */
@Entity
@Table(name = "saved_searches")
class SavedSearch extends TenantOwnedEntity {

    private UUID ownerId;
    private String name;
    @Enumerated(EnumType.STRING)
    private SavedSearchVisibility visibility;
    @Column(name = "query")
    private String queryJson;
    private boolean alert;
    private Instant alertCheckedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    /** Read only by the alert check. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "saved_search_seen", joinColumns = @JoinColumn(name = "saved_search_id"))
    @Column(name = "item")
    private Set<String> seen = new HashSet<>();

    protected SavedSearch() {
    }

    SavedSearch(UUID ownerId, String name, SavedSearchVisibility visibility, String queryJson, Instant now) {
        this.ownerId = ownerId;
        this.createdAt = now;
        change(name, visibility, queryJson, now);
    }

    void change(String name, SavedSearchVisibility visibility, String queryJson, Instant now) {
        if (this.queryJson != null && !this.queryJson.equals(queryJson)) {
            // another search: what the old one had seen says nothing about it
            alertCheckedAt = null;
        }
        this.name = name;
        this.visibility = visibility;
        this.queryJson = queryJson;
        this.updatedAt = now;
    }

    void alert(boolean on, Instant now) {
        if (on != alert) {
            alert = on;
            alertCheckedAt = null;
            updatedAt = now;
        }
    }

    /** A watch not checked since it was switched on (or its search changed) only learns what is there. */
    boolean baselined() {
        return alertCheckedAt != null;
    }

    /** Records what a check found; answers the items that are new since the last check. */
    Set<String> checked(Collection<String> found, Instant now) {
        Set<String> fresh = new HashSet<>(found);
        if (baselined()) {
            fresh.removeAll(seen);
        } else {
            fresh.clear();
        }
        seen.clear();
        seen.addAll(found);
        alertCheckedAt = now;
        return fresh;
    }

    void requireVersion(Long expected) {
        if (expected != null && expected != getVersion()) {
            throw new PreconditionFailedException(getVersion());
        }
    }

    long getVersion() {
        return version == null ? 0 : version;
    }

    boolean visibleTo(UUID member) {
        return visibility == SavedSearchVisibility.WORKSPACE || ownerId.equals(member);
    }

    UUID getOwnerId() {
        return ownerId;
    }

    String getName() {
        return name;
    }

    SavedSearchVisibility getVisibility() {
        return visibility;
    }

    String getQueryJson() {
        return queryJson;
    }

    boolean isAlert() {
        return alert;
    }

    Instant getAlertCheckedAt() {
        return alertCheckedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
