package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Two images whose perceptual hashes are close ({@code contentA < contentB}), kept up to a cap so the workspace's
 * threshold can move without measuring again. A person's "not a duplicate" is kept on the pair for good: a library
 * that flags the same similar-but-distinct photos again after every change loses its users' trust.
 */
@Entity
@Table(name = "asset_similar_pairs")
class SimilarPair extends TenantOwnedEntity {

    /** Pairs further apart than this are not kept: far beyond any threshold a person would choose. */
    static final int CAP = AssetSettingsService.MAX_THRESHOLD;

    @Column(name = "content_a")
    private UUID contentA;
    @Column(name = "content_b")
    private UUID contentB;
    private int distance;
    private UUID dismissedBy;
    private Instant dismissedAt;
    @Version
    private Long version;

    protected SimilarPair() {
    }

    void dismiss(UUID actorId, Instant now) {
        if (dismissedAt != null) {
            throw new ConflictException("already-dismissed", "These two assets are already marked as not duplicates.");
        }
        this.dismissedBy = actorId;
        this.dismissedAt = now;
    }

    UUID other(UUID content) {
        return content.equals(contentA) ? contentB : contentA;
    }

    int getDistance() {
        return distance;
    }
}
