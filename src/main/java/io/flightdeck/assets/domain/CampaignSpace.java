package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.Money;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A campaign's assets for one ad platform. Archiving is the soft delete: an archived space keeps everything, is left
 * out of lists unless asked for, and refuses changes until it is restored.
 */
@Entity
@Table(name = "campaign_spaces")
class CampaignSpace extends TenantOwnedEntity {

    private UUID campaignId;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    @KeywordField(aggregable = Aggregable.YES)
    private AdPlatform platform;
    private String externalCampaignId;
    private String objective;
    private String audience;
    private BigDecimal budgetAmount;
    private String budgetCurrency;
    @Enumerated(EnumType.STRING)
    private ImportSource importSource;
    private Instant importedAt;
    private String category;
    private String brand;
    private boolean template;
    private boolean active;
    private Instant archivedAt;
    private long totalImpressions;
    private long totalClicks;
    private long totalConversions;
    private BigDecimal totalSpend = new BigDecimal("0.00"); // the column's scale, so a new space reads back as it was answered
    private BigDecimal totalRevenue = new BigDecimal("0.00");
    private Instant performanceSyncedAt;
    // when the totals were last entered by hand; an import's recount (PerformanceDays) clears it with the totals
    private Instant performanceEnteredAt;
    private UUID performanceEnteredBy;
    // Kept right by the asset work (add, delete, restore) with set-based updates (CampaignSpaceRepository.addToCounters);
    // never written through the entity, so an edit of the space cannot overwrite a concurrent count. A space starts empty.
    @Column(updatable = false)
    private int assetCount;
    @Column(updatable = false)
    private long totalAssetSizeBytes;
    // Follows the campaign's trash (CampaignTrashFollower) in one statement per campaign; never written by the entity.
    @Column(insertable = false, updatable = false)
    private boolean campaignInTrash;
    private UUID createdBy;
    private UUID updatedBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_space_tags", joinColumns = @JoinColumn(name = "space_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new TreeSet<>();

    // Read-only, never loaded by the space's own work: when the platform changes, Hibernate Search follows it to the
    // assets used here and re-indexes them (their search documents carry the platform).
    @OneToMany(mappedBy = "space")
    private Set<AssetUse> uses = new HashSet<>();

    protected CampaignSpace() {
    }

    CampaignSpace(CampaignSpaceDetails details, UUID actorId, Instant now) {
        apply(details);
        // anything but a manual upload arrived from elsewhere at creation
        this.importedAt = details.importSource() == ImportSource.MANUAL_UPLOAD ? null : now;
        this.createdBy = actorId;
        this.createdAt = now;
        touch(actorId, now);
    }

    void update(CampaignSpaceDetails details, UUID actorId, Instant now) {
        requireNotArchived();
        apply(details);
        touch(actorId, now);
    }

    private void apply(CampaignSpaceDetails d) {
        this.campaignId = d.campaignId();
        this.name = d.name();
        this.description = d.description();
        this.platform = d.platform();
        this.externalCampaignId = d.externalCampaignId();
        this.objective = d.objective();
        this.audience = d.audience();
        this.budgetAmount = d.budget() == null ? null : d.budget().amount().setScale(2, RoundingMode.HALF_UP);
        this.budgetCurrency = d.budget() == null ? null : d.budget().currency();
        this.importSource = d.importSource();
        this.category = d.category();
        this.brand = d.brand();
        this.template = d.template();
        this.active = d.active();
        // replace the tags only when they changed, so an unchanged set costs no SQL and no audit entry
        if (!tags.equals(d.tags())) {
            tags.clear();
            tags.addAll(d.tags());
        }
    }

    void markAsTemplate(UUID actorId, Instant now) {
        requireNotArchived();
        this.template = true;
        touch(actorId, now);
    }

    void recordPerformance(SpacePerformance performance, UUID actorId, Instant now) {
        requireNotArchived();
        this.totalImpressions = performance.impressions();
        this.totalClicks = performance.clicks();
        this.totalConversions = performance.conversions();
        this.totalSpend = performance.spend().setScale(2, RoundingMode.HALF_UP);
        this.totalRevenue = performance.revenue().setScale(2, RoundingMode.HALF_UP);
        this.performanceSyncedAt = now;
        this.performanceEnteredAt = now;
        this.performanceEnteredBy = actorId;
        touch(actorId, now);
    }

    void archive(UUID actorId, Instant now) {
        if (archivedAt != null) {
            throw new ConflictException("space-archived", "The campaign space is already archived.");
        }
        this.archivedAt = now;
        this.active = false;
        touch(actorId, now);
    }

    void restore(UUID actorId, Instant now) {
        if (archivedAt == null) {
            throw new ConflictException("space-not-archived", "The campaign space is not archived; there is nothing to restore.");
        }
        this.archivedAt = null;
        this.active = true;
        touch(actorId, now);
    }

    private void requireNotArchived() {
        if (archivedAt != null) {
            throw new ConflictException("space-archived", "The campaign space is archived; restore it before changing it.");
        }
    }

    private void touch(UUID actorId, Instant now) {
        this.updatedBy = actorId;
        this.updatedAt = now;
    }

    long getVersion() {
        return version == null ? 0 : version;
    }

    String getName() {
        return name;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    boolean isArchived() {
        return archivedAt != null;
    }

    Money budget() {
        return budgetAmount == null ? null : new Money(budgetAmount, budgetCurrency);
    }

    CampaignSpaceView view() {
        return new CampaignSpaceView(getId(), campaignId, name, description, platform, externalCampaignId, objective,
                audience, budget(), importSource, importedAt, new TreeSet<>(tags), category, template, active,
                archivedAt != null, archivedAt, performance(), performanceSyncedAt, performanceEnteredAt, assetCount,
                totalAssetSizeBytes, createdAt, updatedAt, getVersion(), brand);
    }

    SpacePerformance performance() {
        return SpacePerformance.of(totalImpressions, totalClicks, totalConversions, totalSpend, totalRevenue);
    }

    int getAssetCount() {
        return assetCount;
    }

    long getTotalAssetSizeBytes() {
        return totalAssetSizeBytes;
    }

    Instant getPerformanceSyncedAt() {
        return performanceSyncedAt;
    }

    String getBudgetCurrency() {
        return budgetCurrency;
    }
}
