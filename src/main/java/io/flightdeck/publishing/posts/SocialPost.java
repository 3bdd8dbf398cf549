package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What a person scheduled: one creative (or repurposed piece) to one channel or several. Each channel's post keeps its
 * own text, time and state ({@link ChannelPost}); the post's status is read from theirs ({@link PostStatus}).
 */
@Entity
@Table(name = "social_posts")
class SocialPost extends TenantOwnedEntity {

    private UUID campaignId;
    private UUID creativeId;
    private UUID repurposedItemId;
    private String title;
    private UUID createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    /** Moves on with every change a person makes to the post: the schedule review approves one revision. */
    private int revision = 1;
    @Version
    @Column(name = "version")
    private long version;

    protected SocialPost() {
    }

    SocialPost(UUID campaignId, UUID creativeId, UUID repurposedItemId, String title, UUID createdBy, Instant now) {
        this.campaignId = campaignId;
        this.creativeId = creativeId;
        this.repurposedItemId = repurposedItemId;
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * One channel of this post, carrying the given revision of the post's creative: a post's channels are made only
     * here, so each belongs to its post and campaign and carries its creative.
     */
    ChannelPost channelPost(UUID accountId, Channel channel, String text, String firstComment, List<UUID> media,
            Instant at, PlannedBy by, int maxRetries, int creativeRevision, Instant now) {
        ChannelPost post = new ChannelPost(getId(), campaignId, accountId, channel, text, firstComment, media, at, by,
                maxRetries, now);
        post.carries(creativeId, creativeRevision);
        return post;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }

    /** A person changed the post (its copy, time, media or an account): what the schedule review approved no longer is it. */
    void changed(Instant now) {
        this.revision++;
        this.updatedAt = now;
    }

    /** The creative behind the post, made for it when it was written as text. */
    void carries(UUID creativeId) {
        this.creativeId = creativeId;
    }

    int getRevision() {
        return revision;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    UUID getCreativeId() {
        return creativeId;
    }

    UUID getRepurposedItemId() {
        return repurposedItemId;
    }

    String getTitle() {
        return title;
    }

    UUID getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }
}
