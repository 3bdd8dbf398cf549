package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia.AttachOutcome;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
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

    static final int MAX_TEXT = 10_000;

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

    /** A person's text for a text part, stripped; refused over {@link #MAX_TEXT} characters. */
    static String checkedText(ComponentKind kind, String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "the " + kind.label().toLowerCase() + " is longer than "
                    + MAX_TEXT + " characters");
        }
        return t;
    }

    /**
     * What a person may put in a part: text in a text part (checked, and the text returned stripped), an asset in the
     * image or video, never both. That the asset exists is for the caller to check.
     */
    static String checkedContent(ComponentKind kind, String text, UUID assetId) {
        if (kind.isText()) {
            if (assetId != null) {
                throw new InvalidInputException("assetId", "the " + kind.label().toLowerCase() + " is text");
            }
            return checkedText(kind, text);
        }
        if (text != null && !text.isBlank()) {
            throw new InvalidInputException("text", "the " + kind.label().toLowerCase() + " is an asset: give assetId");
        }
        return text;
    }

    /** The texts a new creative starts with: text parts only, blank ones left out, each checked and stripped. */
    static Map<ComponentKind, String> checkedTexts(Map<ComponentKind, String> texts) {
        Map<ComponentKind, String> clean = new EnumMap<>(ComponentKind.class);
        texts.forEach((kind, text) -> {
            if (!kind.isText()) {
                throw new InvalidInputException("texts", "the " + kind.label().toLowerCase() + " is an asset, not text");
            }
            if (text != null && !text.isBlank()) {
                clean.put(kind, checkedText(kind, text));
            }
        });
        return clean;
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

    private ComponentVersion rendered(UUID newAsset, Authorship by, Integer strategyVersion, Instant now) {
        requireUnlocked();
        ComponentVersion v = add(VersionOrigin.GENERATED, null, newAsset, by, strategyVersion, now);
        makeCurrent(v);
        return v;
    }

    /**
     * Shows an earlier (or a candidate) version again. Promoting a generated version hands the part back to AI.
     *
     * @return false when that version is the current one already
     */
    boolean promote(int number) {
        if (currentVersion != null && currentVersion == number) {
            return false;
        }
        ComponentVersion v = versions.stream().filter(x -> x.getNumber() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("Version " + number + " of the " + kind.label().toLowerCase()));
        makeCurrent(v);
        return true;
    }

    /**
     * A person's text from the editor, as a new version only when it differs from the current text: saving the same
     * words again makes none.
     *
     * @return whether a version was written
     */
    boolean writeIfChanged(String newText, UUID author, Integer strategyVersion, Instant now) {
        String checked = checkedText(kind, newText);
        if (checked.equals(text == null ? "" : text.strip())) {
            return false;
        }
        write(checked, null, author, strategyVersion, now);
        return true;
    }

    /**
     * A rendered image or video as the current version, unless it is current already or the part is locked: a person
     * asked for the render, but the lock is theirs too.
     */
    AttachOutcome attachRendered(UUID newAsset, Authorship by, Integer strategyVersion, Instant now) {
        if (newAsset.equals(assetId)) {
            return AttachOutcome.ALREADY_CURRENT;
        }
        if (locked) {
            return AttachOutcome.LOCKED;
        }
        rendered(newAsset, by, strategyVersion, now);
        return AttachOutcome.ATTACHED;
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

    /** Refuses, before a generator is asked, a part that is not text (images and videos are rendered) or is locked. */
    void requireRegenerable() {
        if (!kind.isText()) {
            throw new InvalidInputException("kind", "only text parts are generated here; images and videos are rendered");
        }
        requireUnlocked();
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
