package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A post and its channels, with the status read from theirs.
 *
 * @param revision moves on with every change a person makes; the schedule review approves one revision
 */
public record SocialPostView(UUID id, UUID campaignId, @Nullable UUID creativeId, @Nullable UUID repurposedItemId,
        String title, PostStatus status, String statusLabel, List<ChannelPostView> channels, UUID createdBy,
        Instant createdAt, long version, int revision) {

    static SocialPostView of(SocialPost p, List<ChannelPostView> channels) {
        List<ChannelPostStatus> states = channels.stream().map(ChannelPostView::status).toList();
        PostStatus status = PostStatus.of(states, channels.stream().anyMatch(ChannelPostView::waiting));
        return new SocialPostView(p.getId(), p.getCampaignId(), p.getCreativeId(), p.getRepurposedItemId(), p.getTitle(),
                status, status.label(states), channels, p.getCreatedBy(), p.getCreatedAt(), p.getVersion(), p.getRevision());
    }

    /** The earliest time among its channels. */
    public Instant firstAt() {
        return channels.stream().map(ChannelPostView::scheduledAt).min(Instant::compareTo).orElse(createdAt);
    }
}
