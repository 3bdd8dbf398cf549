package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.search.SearchAnalysis;
import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.SearchableDocument;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.Hibernate;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;

/**
 * An item of the asset library: a file (its bytes are an {@link AssetContent}, shared by every asset with the same
 * bytes) or a piece of copy, with metadata, usage rights and performance totals across all its uses.
 * <p>
 * Archiving is the soft delete: an archived asset keeps everything, leaves lists and space counts, refuses changes and
 * reuse, and comes back with restore. The performance totals and click-through rate are written by set-based updates
 * from the uses ({@link AssetUseRepository}), never through this entity, so they are not updatable here; only changed
 * columns are written ({@code @DynamicUpdate}) so an edit never overwrites a concurrent recount.
 * <p>
 * It is indexed for search (docs/assets.md "Search"): its text, type, tags, upload time, whether it is archived, and
 * where it is used (campaigns, spaces and the spaces' platforms, through {@link #uses}). Hibernate Search re-indexes
 * it in the transaction that changes any of these, a use added or removed included.
 */
@Entity
@Table(name = "assets")
@DynamicUpdate
@Indexed(index = "assets")
@SearchableDocument(dependsOn = {"name", "type", "title", "description", "adCopy", "headline", "ctaText", "archivedAt",
        "uploadedBy", "createdAt", "tags", "allowedChannels", "campaignId"})
class Asset extends TenantOwnedEntity implements io.flightdeck.shared.search.Searchable {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "content_id")
    private AssetContent content;
    private UUID campaignId;
    private UUID spaceId;
    @FullTextField(analyzer = SearchAnalysis.ENGLISH)
    @FullTextField(name = "nameContains", analyzer = SearchAnalysis.TRIGRAM)
    @KeywordField(name = "nameKeyword", normalizer = SearchAnalysis.LOWERCASE)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type")
    @KeywordField(aggregable = Aggregable.YES)
    private AssetType type;
    private String externalAssetId;
    @FullTextField(analyzer = SearchAnalysis.ENGLISH)
    private String title;
    @FullTextField(analyzer = SearchAnalysis.ENGLISH)
    private String description;
    @FullTextField(analyzer = SearchAnalysis.ENGLISH)
    private String adCopy;
    @FullTextField(analyzer = SearchAnalysis.ENGLISH)
    private String headline;
    @FullTextField(analyzer = SearchAnalysis.ENGLISH)
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
    @Embedded
    private PerformanceCounts performance = new PerformanceCounts();
    @Column(updatable = false)
    private BigDecimal clickThroughRate;
    private UUID uploadedBy;
    private UUID updatedBy;
    @GenericField(sortable = Sortable.YES, searchable = Searchable.NO)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "asset_tags", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    @KeywordField(aggregable = Aggregable.YES)
    private Set<String> tags = new TreeSet<>();

    // Read-only (the uses' asset_id is written through AssetUse): here so that the index carries where the asset is
    // used, and Hibernate Search knows to re-index the asset when a use is added or removed.
    @OneToMany(mappedBy = "asset")
    @BatchSize(size = 100)
    @IndexedEmbedded(includePaths = {"campaignId", "spaceId", "space.platform"})
    private Set<AssetUse> uses = new HashSet<>();

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

    /**
     * A new use of this asset in a campaign, or in one of its spaces ({@code space} then not null); the caller saves it.
     * It joins {@link #uses} when that is in memory, so the index, built from memory at flush, sees it; a collection
     * not loaded yet is read from the database when the index needs it, the new use's row included.
     */
    AssetUse useIn(UUID campaignId, CampaignSpace space, AssetUse.Kind kind, String context, UUID actorId, Instant now) {
        AssetUse use = new AssetUse(this, campaignId, space, kind, context, actorId, now);
        if (Hibernate.isInitialized(uses)) {
            uses.add(use);
        }
        return use;
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

    @GenericField(name = "archived")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "archivedAt")))
    boolean isArchived() {
        return archivedAt != null;
    }

    /** The id again, sortable: the tie-break of the newest-first order in the index (UUIDv7 ids grow with time). */
    @Override
    @KeywordField(name = "idSort", sortable = Sortable.YES, searchable = Searchable.NO)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public UUID getId() {
        return super.getId();
    }

    AssetContent getContent() {
        return content;
    }

    long fileSize() {
        return content == null ? 0 : content.getSizeBytes();
    }

    String getName() {
        return name;
    }

    AssetType getType() {
        return type;
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
                performance.view(clickThroughRate),
                reusedCount, lastReusedAt, archivedAt != null, archivedAt, uploadedBy, createdAt, updatedAt,
                getVersion());
    }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("asset", title == null || title.isBlank() ? name : title,
                SearchDocument.words(name, headline, description, adCopy, ctaText), archivedAt == null ? "ACTIVE" : "ARCHIVED",
                uploadedBy, tags, allowedChannels.stream().map(Enum::name).toList(), createdAt, campaignId,
                "/assets/" + getId(), archivedAt != null);
    }
}
