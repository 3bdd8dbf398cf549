package io.flightdeck.content.brands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/**
 * A brand the workspace writes and designs in. Archiving is the soft delete: an archived brand keeps its campaigns'
 * choice (their copy was written in it) but cannot be picked again until it is restored.
 */
@Entity
@Table(name = "brands")
class Brand extends TenantOwnedEntity {

    private String name;
    private String voice;
    private String legalFooter;
    private String headingFont;
    private String bodyFont;
    @Column(name = "is_default")
    private boolean defaultBrand;
    private Instant archivedAt;
    private UUID createdBy;
    private Instant createdAt;
    private UUID updatedBy;
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "brand_terms", joinColumns = @JoinColumn(name = "brand_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<BrandTerm> terms = new ArrayList<>();

    protected Brand() {
    }

    Brand(BrandDetails details, boolean defaultBrand, UUID actor, Instant now) {
        this.defaultBrand = defaultBrand;
        this.createdBy = actor;
        this.createdAt = now;
        apply(details, actor, now);
    }

    void update(BrandDetails details, UUID actor, Instant now) {
        requireLive();
        apply(details, actor, now);
    }

    private void apply(BrandDetails d, UUID actor, Instant now) {
        name = d.name();
        voice = d.voice();
        legalFooter = d.legalFooter();
        headingFont = d.headingFont();
        bodyFont = d.bodyFont();
        terms.clear();
        d.wordsToUse().forEach(t -> terms.add(new BrandTerm(BrandTerm.Kind.USE, t)));
        d.wordsToAvoid().forEach(t -> terms.add(new BrandTerm(BrandTerm.Kind.AVOID, t)));
        d.hashtags().forEach(t -> terms.add(new BrandTerm(BrandTerm.Kind.HASHTAG, t)));
        d.colours().forEach(t -> terms.add(new BrandTerm(BrandTerm.Kind.COLOUR, t)));
        d.logoAssetIds().forEach(t -> terms.add(new BrandTerm(BrandTerm.Kind.LOGO, t.toString())));
        touch(actor, now);
    }

    void makeDefault(boolean value, UUID actor, Instant now) {
        if (value) {
            requireLive();
        }
        defaultBrand = value;
        touch(actor, now);
    }

    void archive(UUID actor, Instant now) {
        requireLive();
        archivedAt = now;
        defaultBrand = false;
        touch(actor, now);
    }

    void restore(UUID actor, Instant now) {
        if (archivedAt == null) {
            throw new ConflictException("brand-not-archived", "The brand is not archived");
        }
        archivedAt = null;
        touch(actor, now);
    }

    void requireLive() {
        if (archivedAt != null) {
            throw new ConflictException("brand-archived", "The brand “" + name + "” is archived; restore it first");
        }
    }

    boolean isArchived() {
        return archivedAt != null;
    }

    boolean isDefaultBrand() {
        return defaultBrand;
    }

    String getName() {
        return name;
    }

    Long getVersion() {
        return version;
    }

    private void touch(UUID actor, Instant now) {
        updatedBy = actor;
        updatedAt = now;
    }

    private List<String> terms(BrandTerm.Kind kind) {
        return terms.stream().filter(t -> t.kind() == kind).map(BrandTerm::term).toList();
    }

    BrandView view() {
        return new BrandView(getId(), name, voice, terms(BrandTerm.Kind.USE), terms(BrandTerm.Kind.AVOID),
                terms(BrandTerm.Kind.HASHTAG), terms(BrandTerm.Kind.COLOUR), headingFont, bodyFont,
                terms(BrandTerm.Kind.LOGO).stream().map(UUID::fromString).toList(), legalFooter, defaultBrand,
                archivedAt != null, createdAt, updatedAt, version == null ? 0 : version);
    }
}
