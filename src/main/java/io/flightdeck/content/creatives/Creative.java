package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMode;
import io.flightdeck.content.CreativeStatus;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/**
 * A campaign's piece of content: its parts (caption, hashtags, headline, call to action, script, image, video), each
 * with its history, the channels it goes out on, and the strategy version it was made from. The creative decides its
 * own mode from who wrote its parts, and what a change does to its review.
 */
@Entity
@Table(name = "creatives")
class Creative extends TenantOwnedEntity {

    static final Set<ComponentKind> ALL_KINDS = Set.of(ComponentKind.values());

    private UUID campaignId;
    private String title;
    private String topic;
    @Enumerated(EnumType.STRING)
    private CreativeMode mode;
    @Enumerated(EnumType.STRING)
    private CreativeStatus status = CreativeStatus.DRAFT;
    private Integer strategyVersion;
    private Integer staleAgainstVersion;
    /** The versions last approved, as {@code CAPTION=3,HASHTAGS=1,...}: what changed since is shown to the approver. */
    private String approvedSnapshot;
    private UUID approvalId;
    /** Counts every change of what the creative would post: a post records the revision it carries. */
    private int revision;
    private Instant deletedAt;
    private UUID createdBy;
    private Instant createdAt;
    private UUID updatedBy;
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "creative_channels", joinColumns = @JoinColumn(name = "creative_id"))
    @Column(name = "channel")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 50)
    private Set<Channel> channels = new LinkedHashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "creative_id", nullable = false, updatable = false)
    @OrderBy("kind")
    @BatchSize(size = 50)
    private List<CreativeComponent> components = new ArrayList<>();

    /** A network's own text, in place of the caption and hashtags there. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "creative_channel_texts", joinColumns = @JoinColumn(name = "creative_id"))
    @MapKeyColumn(name = "channel")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "body")
    @BatchSize(size = 50)
    private Map<Channel, String> channelTexts = new EnumMap<>(Channel.class);

    /** The rendered sizes of the current image (the image itself among them); empty when it was not rendered here. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "creative_image_variants", joinColumns = @JoinColumn(name = "creative_id"))
    @OrderColumn(name = "position")
    @Column(name = "asset_id")
    @BatchSize(size = 50)
    private List<UUID> imageVariants = new ArrayList<>();

    protected Creative() {
    }

    Creative(UUID campaignId, String title, String topic, Set<Channel> channels, Integer strategyVersion, UUID actor,
            Instant now) {
        this.campaignId = campaignId;
        this.strategyVersion = strategyVersion;
        this.createdBy = actor;
        this.createdAt = now;
        rename(title, topic, channels, actor, now);
        for (ComponentKind kind : ComponentKind.values()) {
            components.add(new CreativeComponent(kind));
        }
        mode = CreativeMode.MANUAL;
    }

    void rename(String newTitle, String newTopic, Set<Channel> newChannels, UUID actor, Instant now) {
        requireLive();
        title = newTitle;
        topic = newTopic;
        channels.clear();
        channels.addAll(newChannels);
        touch(actor, now);
    }

    CreativeComponent component(ComponentKind kind) {
        return components.stream().filter(c -> c.getKind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("creative " + getId() + " has no " + kind));
    }

    /** After any change to a part: the mode follows who wrote the parts; a reviewed creative goes back to review. */
    Change changed(UUID actor, Instant now) {
        touch(actor, now);
        revision++;
        mode = modeOfParts();
        // changes asked for by a reviewer go back only when the person sends them (they may take several edits)
        if (status == CreativeStatus.APPROVED || status == CreativeStatus.IN_REVIEW) {
            boolean wasApproved = status == CreativeStatus.APPROVED;
            status = CreativeStatus.IN_REVIEW;
            return wasApproved ? Change.APPROVED_CONTENT_CHANGED : Change.RESUBMITTED;
        }
        return Change.DRAFT;
    }

    /**
     * A network's own text (null or blank: the network takes the caption and hashtags again). The caller reports the
     * change with {@link #changed}.
     *
     * @return whether the text differs from what the network had
     */
    boolean writeChannelText(Channel channel, String text) {
        requireLive();
        String clean = text == null || text.isBlank() ? null : text.strip();
        if (java.util.Objects.equals(clean, channelTexts.get(channel))) {
            return false;
        }
        if (clean == null) {
            channelTexts.remove(channel);
        } else {
            channels.add(channel); // written for a network, it is for that network
            channelTexts.put(channel, clean);
        }
        return true;
    }

    /** The image's rendered sizes; a new image from elsewhere has none. */
    void imageVariants(List<UUID> variants) {
        imageVariants.clear();
        imageVariants.addAll(variants);
    }

    /** A change that is not the content's (a lock): the creative records who and when, its review stays as it is. */
    void touched(UUID actor, Instant now) {
        touch(actor, now);
    }

    /** What a change meant for review, so the service tells approvals. */
    enum Change {
        DRAFT, RESUBMITTED, APPROVED_CONTENT_CHANGED
    }

    /** AI when a generator wrote every part, manual when people did, hybrid when both did or a person edited an AI draft. */
    private CreativeMode modeOfParts() {
        boolean generated = false;
        boolean written = false;
        boolean edited = false;
        for (CreativeComponent c : components) {
            if (!c.getKind().isText() || c.isEmpty()) {
                continue;
            }
            switch (c.getCurrentOrigin()) {
                case GENERATED -> generated = true;
                case EDITED -> edited = true;
                case WRITTEN -> written = true;
            }
        }
        if (edited || generated && written) {
            return CreativeMode.HYBRID;
        }
        return generated ? CreativeMode.AI : CreativeMode.MANUAL;
    }

    void submitted(UUID approval) {
        requireLive();
        if (isEmpty()) {
            throw new ConflictException("creative-empty", "Write or generate at least one part before sending it for review");
        }
        approvalId = approval;
        status = CreativeStatus.IN_REVIEW;
    }

    /** The approval's decision; the versions approved are kept to show what changes afterwards. */
    void decided(boolean approved) {
        if (approved) {
            status = CreativeStatus.APPROVED;
            approvedSnapshot = snapshot();
        } else {
            status = CreativeStatus.CHANGES_REQUESTED;
        }
    }

    /** Marks the creative and its parts made from an older strategy version; false when it already follows that version. */
    boolean markStale(int newStrategyVersion) {
        if (deletedAt != null || strategyVersion != null && strategyVersion >= newStrategyVersion) {
            return false;
        }
        if (staleAgainstVersion != null && staleAgainstVersion >= newStrategyVersion) {
            return false;
        }
        staleAgainstVersion = newStrategyVersion;
        components.forEach(c -> c.markStale(newStrategyVersion));
        return true;
    }

    /** After a refresh: the creative follows the newer version; parts a person wrote or locked stay as they were. */
    void refreshed(int newStrategyVersion) {
        strategyVersion = newStrategyVersion;
        staleAgainstVersion = null;
    }

    void delete(UUID actor, Instant now) {
        requireLive();
        deletedAt = now;
        touch(actor, now);
    }

    void restore(UUID actor, Instant now) {
        if (deletedAt == null) {
            throw new ConflictException("creative-not-deleted", "The creative is not in the trash");
        }
        deletedAt = null;
        touch(actor, now);
    }

    void requireLive() {
        if (deletedAt != null) {
            throw new ConflictException("creative-deleted", "The creative is in the trash; restore it first");
        }
    }

    boolean isEmpty() {
        return components.stream().allMatch(CreativeComponent::isEmpty);
    }

    String snapshot() {
        StringBuilder s = new StringBuilder();
        components.stream().filter(c -> c.getCurrentVersion() != null)
                .sorted(Comparator.comparing(CreativeComponent::getKind)).forEach(c -> {
                    if (!s.isEmpty()) {
                        s.append(',');
                    }
                    s.append(c.getKind()).append('=').append(c.getCurrentVersion());
                });
        return s.toString();
    }

    /** The version of each part at the last approval; empty before the first. */
    Map<ComponentKind, Integer> approvedVersions() {
        Map<ComponentKind, Integer> map = new EnumMap<>(ComponentKind.class);
        if (approvedSnapshot != null && !approvedSnapshot.isBlank()) {
            for (String pair : approvedSnapshot.split(",")) {
                String[] kv = pair.split("=");
                map.put(ComponentKind.valueOf(kv[0]), Integer.valueOf(kv[1]));
            }
        }
        return map;
    }

    Optional<String> approvedSnapshotText() {
        return Optional.ofNullable(approvedSnapshot);
    }

    CreativeView view() {
        Map<ComponentKind, Integer> approved = approvedVersions();
        List<CreativeView.Part> parts = components.stream().sorted(Comparator.comparing(CreativeComponent::getKind))
                .map(c -> new CreativeView.Part(c.getKind(), c.getCurrentVersion(), c.getText(), c.getAssetId(),
                        c.getCurrentOrigin(), c.isLocked(), c.isEdited(), c.isStale(), c.getVersionCount(),
                        approvedSnapshot != null && !java.util.Objects.equals(approved.get(c.getKind()), c.getCurrentVersion())))
                .toList();
        return new CreativeView(getId(), campaignId, title, topic, mode, status, new java.util.TreeSet<>(channels),
                strategyVersion, staleAgainstVersion, parts, deletedAt != null, createdBy, createdAt, updatedAt,
                version == null ? 0 : version, revision, Map.copyOf(channelTexts), List.copyOf(imageVariants));
    }

    private void touch(UUID actor, Instant now) {
        updatedBy = actor;
        updatedAt = now;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    String getTitle() {
        return title;
    }

    String getTopic() {
        return topic;
    }

    CreativeMode getMode() {
        return mode;
    }

    CreativeStatus getStatus() {
        return status;
    }

    Integer getStrategyVersion() {
        return strategyVersion;
    }

    Integer getStaleAgainstVersion() {
        return staleAgainstVersion;
    }

    Set<Channel> getChannels() {
        return channels;
    }

    List<CreativeComponent> getComponents() {
        return components;
    }

    UUID getApprovalId() {
        return approvalId;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    UUID getCreatedBy() {
        return createdBy;
    }

    int getRevision() {
        return revision;
    }

    Long getVersion() {
        return version;
    }
}
