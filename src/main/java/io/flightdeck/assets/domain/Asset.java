package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.ImportSource;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An item of the asset library: a file (its bytes are an {@link AssetContent}, shared by every asset with the same
 * bytes) or a piece of copy, with metadata, usage rights and performance totals across all its uses.
 * <p>
 * Archiving is the soft delete: an archived asset keeps everything, leaves lists and space counts, refuses changes and
 * reuse, and comes back with restore. The performance totals and click-through rate are written by set-based updates
 * from the uses ({@link AssetUseRepository}), never through this entity, so they are not updatable here; only changed
 * columns are written ({@code @DynamicUpdate}) so an edit never overwrites a concurrent recount.
 */
@Entity
@Table(name = "assets")
@DynamicUpdate
class Asset extends TenantOwnedEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "content_id")
    private AssetContent content;
    private UUID campaignId;
    private UUID spaceId;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type")
    private AssetType type;
    private String externalAssetId;
    private String title;
    private String description;
    private String adCopy;
    private String headline;
    private String ctaText;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> platformMetadata = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> platformVariants = new LinkedHashMap<>();
    @Enumerated(EnumType.STRING)
    private ImportSource importSource;
    private String licence;
    private String rightsHolder;
    private String credit;
    private LocalDate rightsExpireOn;
    private Instant archivedAt;
    private int reusedCount;
    private Instant lastReusedAt;
    @Column(updatable = false)
    private long impressions;
    @Column(updatable = false)
    private long clicks;
    @Column(updatable = false)
    private long conversions;
    @Column(updatable = false)
    private BigDecimal spend = new BigDecimal("0.00");
    @Column(updatable = false)
    private BigDecimal revenue = new BigDecimal("0.00");
    @Column(updatable = false)
    private BigDecimal clickThroughRate;
    private UUID uploadedBy;
    private UUID updatedBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "asset_tags", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new TreeSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "asset_allowed_channels", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "channel")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<Channel> allowedChannels = EnumSet.noneOf(Channel.class);

    protected Asset() {
    }

    Asset(AssetContent content, UUID campaignId, UUID spaceId, ImportSource importSource, AssetDetails details,
            UUID actorId, Instant now) {
        this.content = content;
        this.campaignId = campaignId;
        this.spaceId = spaceId;
        this.importSource = importSource;
        apply(details);
        this.uploadedBy = actorId;
        this.createdAt = now;
        touch(actorId, now);
    }

    void update(AssetDetails details, UUID actorId, Instant now) {
        requireLive();
        if (details.type() != type && (content == null) != details.type().isCopy()) {
            throw new ConflictException("asset-type-mismatch", content == null
                    ? "A piece of copy cannot become a file type; upload the file as a new asset."
                    : "A file cannot become copy; create the copy as a new asset.");
        }
        apply(details);
        touch(actorId, now);
    }

    private void apply(AssetDetails d) {
        this.name = d.name();
        this.type = d.type();
        this.externalAssetId = d.externalAssetId();
        this.title = d.title();
        this.description = d.description();
        this.adCopy = d.adCopy();
        this.headline = d.headline();
        this.ctaText = d.ctaText();
        this.licence = d.rights().licence();
        this.rightsHolder = d.rights().holder();
        this.credit = d.rights().credit();
        this.rightsExpireOn = d.rights().expiresOn();
        // replace collections only when they changed, so an unchanged set costs no SQL and no audit entry
        if (!platformMetadata.equals(d.platformMetadata())) {
            this.platformMetadata = new LinkedHashMap<>(d.platformMetadata());
        }
        if (!platformVariants.equals(d.platformVariants())) {
            this.platformVariants = new LinkedHashMap<>(d.platformVariants());
        }
        if (!tags.equals(d.tags())) {
            tags.clear();
            tags.addAll(d.tags());
        }
        if (!allowedChannels.equals(d.rights().allowedChannels())) {
            allowedChannels.clear();
            allowedChannels.addAll(d.rights().allowedChannels());
        }
    }

    void archive(UUID actorId, Instant now) {
        if (archivedAt != null) {
            throw new ConflictException("asset-archived", "The asset is already archived.");
        }
        this.archivedAt = now;
        touch(actorId, now);
    }

    void restore(UUID actorId, Instant now) {
        if (archivedAt == null) {
            throw new ConflictException("asset-not-archived", "The asset is not archived; there is nothing to restore.");
        }
        this.archivedAt = null;
        touch(actorId, now);
    }

    /** Another use of the asset (a campaign or space it is linked into). */
    void reused(UUID actorId, Instant now) {
        requireLive();
        this.reusedCount++;
        this.lastReusedAt = now;
        touch(actorId, now);
    }

    void requireLive() {
        if (archivedAt != null) {
            throw new ConflictException("asset-archived", "The asset is archived; restore it first.");
        }
    }

    private void touch(UUID actorId, Instant now) {
        this.updatedBy = actorId;
        this.updatedAt = now;
    }

    boolean isArchived() {
        return archivedAt != null;
    }

    AssetContent getContent() {
        return content;
    }

    long fileSize() {
        return content == null ? 0 : content.getSizeBytes();
    }

    UUID getCampaignId() {
        return campaignId;
    }

    UUID getSpaceId() {
        return spaceId;
    }

    String getName() {
        return name;
    }

    AssetType getType() {
        return type;
    }

    LocalDate getRightsExpireOn() {
        return rightsExpireOn;
    }

    Set<Channel> getAllowedChannels() {
        return allowedChannels;
    }

    long getVersion() {
        return version == null ? 0 : version;
    }

    AssetRights rights() {
        return new AssetRights(licence, rightsHolder, credit, rightsExpireOn, new TreeSet<>(allowedChannels));
    }

    AssetView view() {
        return new AssetView(getId(), name, type, content == null ? null : content.view(), campaignId, spaceId,
                externalAssetId, title, description, adCopy, headline, ctaText, new TreeSet<>(tags),
                new LinkedHashMap<>(platformMetadata), new LinkedHashMap<>(platformVariants), importSource, rights(),
                new AssetPerformance(impressions, clicks, conversions, spend, revenue, clickThroughRate),
                reusedCount, lastReusedAt, archivedAt != null, archivedAt, uploadedBy, createdAt, updatedAt,
                getVersion());
    }
}
