package io.flightdeck.assets.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A resumable upload on its way: how many of its bytes have durably arrived, and, once the last one did and the file
 * became an asset, which asset. The offset only moves forward, one contiguous append at a time, and reaches the length
 * in the same transaction that registers the asset: an upload whose offset equals its length always has its asset.
 * Bookkeeping, not audited: the asset it makes is.
 */
@Entity
@Table(name = "asset_upload_sessions")
@NotAudited
class UploadSession extends TenantOwnedEntity {

    @Column(updatable = false)
    private UUID createdBy;
    @Column(updatable = false)
    private long uploadLength;
    private long uploadOffset;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private Map<String, String> metadata = new LinkedHashMap<>();
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    private Instant expiresAt;
    private UUID assetId;
    private Instant completedAt;
    @Version
    private Long version;

    protected UploadSession() {
    }

    UploadSession(UUID createdBy, long length, Map<String, String> metadata, Instant now, Duration expiry) {
        this.createdBy = createdBy;
        this.uploadLength = length;
        this.metadata = new LinkedHashMap<>(metadata);
        this.createdAt = now;
        touch(now, expiry);
    }

    /** Records bytes that are on disk now; untouched uploads expire {@code expiry} after their last append. */
    void advanceTo(long offset, Instant now, Duration expiry) {
        if (offset < uploadOffset || offset >= uploadLength) {
            throw new IllegalStateException("An offset moves forward and reaches the length only on completion");
        }
        this.uploadOffset = offset;
        touch(now, expiry);
    }

    /** The last byte arrived and the file is this asset; kept until it expires, so the outcome can be asked for. */
    void complete(UUID assetId, Instant now, Duration expiry) {
        this.uploadOffset = uploadLength;
        this.assetId = assetId;
        this.completedAt = now;
        touch(now, expiry);
    }

    boolean isComplete() {
        return completedAt != null;
    }

    boolean hasExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    UUID getCreatedBy() {
        return createdBy;
    }

    long getUploadOffset() {
        return uploadOffset;
    }

    long getUploadLength() {
        return uploadLength;
    }

    Map<String, String> getMetadata() {
        return metadata;
    }

    UploadSessionView view() {
        return new UploadSessionView(getId(), uploadLength, uploadOffset,
                Collections.unmodifiableMap(new LinkedHashMap<>(metadata)), expiresAt, isComplete(), assetId);
    }

    private void touch(Instant now, Duration expiry) {
        this.updatedAt = now;
        this.expiresAt = now.plus(expiry);
    }
}
