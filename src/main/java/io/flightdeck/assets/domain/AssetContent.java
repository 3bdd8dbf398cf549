package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.flightdeck.assets.storage.StoredBlob;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One distinct content (SHA-256) of a workspace: its blob is stored once, and what the derived-data job measures
 * (dimensions, duration, pages, thumbnails, perceptual hash) is measured once, however many assets show it. Its row
 * is also the lock that serialises an upload of these bytes against a hard delete of the last asset using them.
 * Bookkeeping rather than something a person edits, so it stays out of the audit log.
 */
@Entity
@Table(name = "asset_contents")
@NotAudited
class AssetContent extends TenantOwnedEntity {

    enum DerivedStatus {
        /** the job has not run yet */
        PENDING,
        /** measured */
        DONE,
        /** the file could not be read as its type says (the reason is kept) */
        UNREADABLE,
        /** nothing to measure for this type */
        NONE
    }

    private String sha256;
    private String blobKey;
    private long sizeBytes;
    private String mimeType;
    @Enumerated(EnumType.STRING)
    private DerivedStatus derivedStatus;
    private String derivedError;
    private Instant derivedAt;
    private Integer width;
    private Integer height;
    private Long durationMs;
    private String codec;
    // null: not a video, or measured before audio tracks were recorded
    private Boolean hasAudio;
    private BigDecimal frameRate;
    private Integer pageCount;
    private Long perceptualHash;
    private String thumbSmallKey;
    private String thumbLargeKey;
    private String thumbMimeType;
    private String posterKey;
    private Instant createdAt;
    @Version
    private Long version;

    protected AssetContent() {
    }

    AssetContent(StoredBlob blob, Instant now) {
        this.sha256 = blob.sha256();
        this.blobKey = blob.key();
        this.sizeBytes = blob.size();
        this.mimeType = blob.mimeType();
        this.derivedStatus = DerivedStatus.PENDING;
        this.createdAt = now;
    }

    /** Records what the derived-data job measured; a later run measures again and replaces it. */
    void measured(MeasuredMedia m, Instant now) {
        this.width = m.width();
        this.height = m.height();
        this.durationMs = m.durationMillis();
        this.codec = m.codec();
        this.hasAudio = m.audio();
        this.frameRate = m.frameRate() == null ? null : BigDecimal.valueOf(m.frameRate()).setScale(3, java.math.RoundingMode.HALF_UP);
        this.pageCount = m.pageCount();
        this.perceptualHash = m.perceptualHash();
        this.thumbSmallKey = m.thumbSmallKey();
        this.thumbLargeKey = m.thumbLargeKey();
        this.thumbMimeType = m.thumbMimeType();
        this.posterKey = m.posterKey();
        this.derivedStatus = m.unreadableReason() == null ? DerivedStatus.DONE
                : m.nothingToMeasure() ? DerivedStatus.NONE : DerivedStatus.UNREADABLE;
        this.derivedError = m.unreadableReason();
        this.derivedAt = now;
    }

    String getSha256() {
        return sha256;
    }

    String getBlobKey() {
        return blobKey;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    String getMimeType() {
        return mimeType;
    }

    DerivedStatus getDerivedStatus() {
        return derivedStatus;
    }

    Long getPerceptualHash() {
        return perceptualHash;
    }

    Boolean getHasAudio() {
        return hasAudio;
    }

    AssetFileView view() {
        return new AssetFileView(sha256, sizeBytes, mimeType, derivedStatus.name(), derivedError, width, height,
                durationMs, codec, frameRate, pageCount, thumbSmallKey != null, thumbLargeKey != null, posterKey != null);
    }

    /**
     * These bytes ({@code rendition} null) or one of their renditions, answered under the asset's name: a rendition
     * is named after it with its own suffix and extension, hero.png giving hero-thumb-large.png, say. Null for a
     * rendition not made yet or not known.
     */
    AssetFile file(String assetName, String rendition) {
        if (rendition == null) {
            return new AssetFile(blobKey, assetName, mimeType);
        }
        String key = renditionKey(rendition);
        if (key == null) {
            return null;
        }
        String type = renditionMimeType(rendition);
        return new AssetFile(key, assetName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "") + "-" + rendition
                + (type.equals("image/png") ? ".png" : ".jpg"), type);
    }

    /** Thumbnails are JPEG, or PNG where the picture has transparency; a poster frame is always JPEG. */
    private String renditionMimeType(String rendition) {
        return rendition.equals("poster") ? "image/jpeg" : thumbMimeType;
    }

    String renditionKey(String rendition) {
        return switch (rendition) {
            case "thumb-small" -> thumbSmallKey;
            case "thumb-large" -> thumbLargeKey;
            case "poster" -> posterKey;
            default -> null;
        };
    }
}
