package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/**
 * A part of a creative with its history. The current version's text (or asset) is kept beside the pointer so that
 * lists and previews never read the history; the history loads only to add to it or show it.
 */
@Entity
@Table(name = "creative_components")
class CreativeComponent extends TenantOwnedEntity {

    @Column(name = "creative_id", insertable = false, updatable = false)
    private UUID creativeId;
    @Enumerated(EnumType.STRING)
    private ComponentKind kind;
    private Integer currentVersion;
    @Column(name = "body")
    private String text;
    private UUID assetId;
    private int versionCount;
    @Enumerated(EnumType.STRING)
    private VersionOrigin currentOrigin;
    private boolean locked;
    private boolean stale;
    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "component_id", nullable = false, updatable = false)
    @BatchSize(size = 20)
    private List<ComponentVersion> versions = new ArrayList<>();

    protected CreativeComponent() {
    }

    CreativeComponent(ComponentKind kind) {
        this.kind = kind;
    }

    /** A person's text or asset: always becomes current, and marks the component as a person's. */
    ComponentVersion write(String newText, UUID newAsset, UUID author, Integer strategyVersion, Instant now) {
        VersionOrigin origin = kind.isText() && (currentOrigin == VersionOrigin.GENERATED || currentOrigin == VersionOrigin.EDITED)
                ? VersionOrigin.EDITED
                : VersionOrigin.WRITTEN;
        ComponentVersion v = add(origin, newText, newAsset, Authorship.person(author), strategyVersion, now);
        makeCurrent(v);
        stale = false;
        return v;
    }

    /**
     * A generator's text. It replaces the current text only when no person wrote that text; otherwise it waits in the
     * history as a candidate to compare and promote. A locked component refuses.
     *
     * @return the new version; {@link #getCurrentVersion()} tells whether it became current
     */
    ComponentVersion generated(String newText, Authorship by, Integer strategyVersion, Instant now) {
        requireUnlocked();
        ComponentVersion v = add(VersionOrigin.GENERATED, newText, null, by, strategyVersion, now);
        if (!isEdited()) {
            makeCurrent(v);
            stale = false;
        }
        return v;
    }

    /**
     * A rendered image or video: becomes current, because a person asked for the render from this creative. A locked
     * component refuses.
     */
    ComponentVersion rendered(UUID newAsset, Authorship by, Integer strategyVersion, Instant now) {
        requireUnlocked();
        ComponentVersion v = add(VersionOrigin.GENERATED, null, newAsset, by, strategyVersion, now);
        makeCurrent(v);
        return v;
    }

    /** Shows an earlier (or a candidate) version again. Promoting a generated version hands the part back to AI. */
    ComponentVersion promote(int number) {
        ComponentVersion v = versions.stream().filter(x -> x.getNumber() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("Version " + number + " of the " + kind.label().toLowerCase()));
        makeCurrent(v);
        return v;
    }

    void lock(boolean value) {
        locked = value;
    }

    /**
     * Marks a text made from an older strategy version. A person's text is marked too (it may say what the strategy no
     * longer does), but only {@link #refreshable()} parts are ever rewritten.
     */
    boolean markStale(int strategyVersion) {
        if (!kind.isText() || currentVersion == null) {
            return false;
        }
        Integer madeFrom = current().getStrategyVersion();
        if (madeFrom == null || madeFrom < strategyVersion) {
            stale = true;
        }
        return stale;
    }

    /** Whether a refresh may replace the text: generated, unlocked and stale. */
    boolean refreshable() {
        return stale && !locked && !isEdited() && kind.isText();
    }

    void requireUnlocked() {
        if (locked) {
            throw new ConflictException("component-locked", "The " + kind.label().toLowerCase()
                    + " is locked; unlock it to regenerate it");
        }
    }

    private ComponentVersion add(VersionOrigin origin, String newText, UUID newAsset, Authorship by,
            Integer strategyVersion, Instant now) {
        versionCount++;
        ComponentVersion v = new ComponentVersion(getId(), versionCount, origin, newText, newAsset, by, strategyVersion,
                now);
        versions.add(v);
        return v;
    }

    private void makeCurrent(ComponentVersion v) {
        currentVersion = v.getNumber();
        text = v.getText();
        assetId = v.getAssetId();
        currentOrigin = v.getOrigin();
    }

    ComponentVersion current() {
        return versions.stream().filter(v -> currentVersion != null && v.getNumber() == currentVersion).findFirst()
                .orElseThrow(() -> new NotFoundException("The current version of the " + kind.label().toLowerCase()));
    }

    List<ComponentVersion> history() {
        return versions.stream().sorted(Comparator.comparingInt(ComponentVersion::getNumber).reversed()).toList();
    }

    ComponentKind getKind() {
        return kind;
    }

    Integer getCurrentVersion() {
        return currentVersion;
    }

    String getText() {
        return text;
    }

    UUID getAssetId() {
        return assetId;
    }

    boolean isLocked() {
        return locked;
    }

    /** Whether a person wrote the current text (or picked the asset): a regeneration never replaces it. */
    boolean isEdited() {
        return currentOrigin != null && currentOrigin.byPerson();
    }

    VersionOrigin getCurrentOrigin() {
        return currentOrigin;
    }

    boolean isStale() {
        return stale;
    }

    int getVersionCount() {
        return versionCount;
    }

    boolean isEmpty() {
        return currentVersion == null || (text == null || text.isBlank()) && assetId == null;
    }
}
