package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
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
 * A campaign's piece of content: its parts, each with its history ({@link CreativeParts}, {@link CreativeComponent}),
 * the channels it goes out on, and the strategy version it was made from. It decides its own mode from who wrote its
 * parts, what a change does to its review, and which review moves it takes ({@link CreativeReviewMove}).
 */
@Entity
@Table(name = "creatives")
@Indexed(index = "search-creatives")
@SearchableDocument(dependsOn = {"title", "topic", "status", "createdBy", "updatedAt", "createdAt", "deletedAt", "channels", "campaignId"})
class Creative extends TenantOwnedEntity implements Searchable {

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
        components.addAll(CreativeParts.empty());
        mode = CreativeMode.MANUAL;
    }

    void rename(String newTitle, String newTopic, Set<Channel> newChannels, UUID actor, Instant now) {
        requireLive();
        title = newTitle;
        topic = newTopic;
        channels.clear();
        channels.addAll(newChannels);
        touched(actor, now);
    }

    CreativeParts parts() {
        return new CreativeParts(components, channels, channelTexts);
    }

    CreativeComponent component(ComponentKind kind) {
        return parts().of(kind);
    }

    /**
     * After any change to a part: the mode follows who wrote the parts; a creative in review or approved goes back to
     * review (true: its approval reopens). Changes a reviewer asked for go back only when the person sends them.
     */
    boolean changed(UUID actor, Instant now) {
        touched(actor, now);
        revision++;
        mode = parts().mode();
        if (status == CreativeStatus.APPROVED || status == CreativeStatus.IN_REVIEW) {
            status = CreativeStatus.IN_REVIEW;
            return true;
        }
        return false;
    }

    /** A network's own text; see {@link CreativeParts#writeChannelText}. The caller reports it with {@link #changed}. */
    boolean writeChannelText(Channel channel, String text) {
        requireLive();
        return parts().writeChannelText(channel, text);
    }

    /** The image's rendered sizes; a new image from elsewhere has none. */
    void imageVariants(List<UUID> variants) {
        imageVariants.clear();
        imageVariants.addAll(variants);
    }

    /** Refuses to send a creative in the trash or with nothing in it for review, before an approval is opened. */
    void requireSubmittable() {
        requireLive();
        if (parts().isEmpty()) {
            throw new ConflictException("creative-empty", "Write or generate at least one part before sending it for review");
        }
    }

    void submitted(UUID approval) {
        requireSubmittable();
        CreativeReviewMove.SUBMIT.requireAllowedFrom(status);
        approvalId = approval;
        status = CreativeReviewMove.SUBMIT.to();
    }

    /** Whether the creative takes an approval's decision now; see {@link CreativeReviewMove}. */
    boolean takesDecision(boolean approved) {
        return CreativeReviewMove.decision(approved).allowedFrom(status);
    }

    /** The approval's decision (409 for a creative never sent); the approved versions show what changes afterwards. */
    void decided(boolean approved) {
        CreativeReviewMove move = CreativeReviewMove.decision(approved);
        move.requireAllowedFrom(status);
        status = move.to();
        if (approved) {
            approvedSnapshot = ApprovedVersions.snapshot(components);
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
        parts().markStale(newStrategyVersion);
        return true;
    }

    /** The parts a refresh rewrites (see {@link CreativeParts#refreshable}); refused when nothing is stale. */
    List<ComponentKind> refreshableParts() {
        requireLive();
        if (staleAgainstVersion == null) {
            throw new ConflictException("creative-not-stale", "The creative already follows the current strategy");
        }
        return parts().refreshable();
    }

    /** The text parts a generator writes for a creative made to be generated: see {@link CreativeParts#emptyTexts}. */
    List<ComponentKind> emptyTextParts() {
        requireLive();
        return parts().emptyTexts();
    }

    /** After a refresh: the creative follows the newer version; parts a person wrote or locked stay as they were. */
    void refreshed(int newStrategyVersion) {
        strategyVersion = newStrategyVersion;
        staleAgainstVersion = null;
    }

    void delete(UUID actor, Instant now) {
        requireLive();
        deletedAt = now;
        touched(actor, now);
    }

    void restore(UUID actor, Instant now) {
        if (deletedAt == null) {
            throw new ConflictException("creative-not-deleted", "The creative is not in the trash");
        }
        deletedAt = null;
        touched(actor, now);
    }

    void requireLive() {
        if (deletedAt != null) {
            throw new ConflictException("creative-deleted", "The creative is in the trash; restore it first");
        }
    }

    /** The versions last approved; empty before the first approval. */
    Optional<ApprovedVersions> approved() {
        return Optional.ofNullable(approvedSnapshot).map(ApprovedVersions::parse);
    }

    CreativeView view() {
        return new CreativeView(getId(), campaignId, title, topic, mode, status, new TreeSet<>(channels),
                strategyVersion, staleAgainstVersion, parts().views(approved()),
                deletedAt != null, createdBy, createdAt, updatedAt, version == null ? 0 : version, revision,
                Map.copyOf(channelTexts), List.copyOf(imageVariants));
    }

    /** Who changed the creative and when; alone, for a change that is not the content's (a lock), review stays as is. */
    void touched(UUID actor, Instant now) {
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

    boolean isDeleted() {
        return deletedAt != null;
    }

    int getRevision() {
        return revision;
    }

    Long getVersion() {
        return version;
    }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("creative", title, topic, status.name(), createdBy, null,
                channels.stream().map(Enum::name).toList(), updatedAt != null ? updatedAt : createdAt, campaignId,
                "/creatives/" + getId(), deletedAt != null);
    }
}
