package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * One place an asset is used: the campaign (and optionally the space) it was uploaded into, or one it was reused in,
 * with who, when and in what context. Its performance is that use's own; the asset's totals are their sum.
 * <p>
 * The asset's search document carries its uses' campaign, space and the space's platform ({@link Asset}); {@code asset}
 * and {@code space} are read-only twins of the id columns, set in memory by the constructor so the index sees them
 * before anything is read back.
 */
@Entity
@Table(name = "asset_uses")
class AssetUse extends TenantOwnedEntity {

    enum Kind {
        /** where the asset was first added */
        ORIGIN,
        /** linked into another campaign or space later */
        REUSE
    }

    @Column(name = "asset_id")
    private UUID assetId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "asset_id", insertable = false, updatable = false)
    private Asset asset;
    @KeywordField
    private UUID campaignId;
    @KeywordField(aggregable = Aggregable.YES)
    @Column(name = "space_id")
    private UUID spaceId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "space_id", insertable = false, updatable = false)
    @IndexedEmbedded(includePaths = "platform")
    private CampaignSpace space;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String context;
    private UUID usedBy;
    private Instant usedAt;
    // written by set-based updates (imports, performance updates), never through the entity
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
    private Instant performanceSyncedAt;
    @Version
    private Long version;

    protected AssetUse() {
    }

    /** See {@link Asset#useIn}, which keeps the asset's uses in step. */
    AssetUse(Asset asset, UUID campaignId, CampaignSpace space, Kind kind, String context, UUID actorId, Instant now) {
        this.asset = asset;
        this.assetId = asset.getId();
        this.campaignId = campaignId;
        this.space = space;
        this.spaceId = space == null ? null : space.getId();
        this.kind = kind;
        this.context = context;
        this.usedBy = actorId;
        this.usedAt = now;
    }

    UUID getAssetId() {
        return assetId;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    UUID getSpaceId() {
        return spaceId;
    }

    AssetUseView view() {
        BigDecimal ctr = impressions == 0 ? null
                : BigDecimal.valueOf(clicks).divide(BigDecimal.valueOf(impressions), 6, java.math.RoundingMode.HALF_UP);
        return new AssetUseView(getId(), assetId, campaignId, spaceId, kind.name(), context, usedBy, usedAt,
                new AssetPerformance(impressions, clicks, conversions, spend, revenue, ctr), performanceSyncedAt);
    }
}
