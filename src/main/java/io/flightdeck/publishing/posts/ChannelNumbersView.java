package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One channel's numbers as its network last reported them; all null until the first fetch (an hour after it went out).
 *
 * @param engagementRate engagements per impression
 * @param lastError      why the last fetch failed; null when it worked
 */
public record ChannelNumbersView(UUID channelPostId, Channel channel, String accountName, String status,
        @Nullable Long impressions, @Nullable Long reach, @Nullable Long engagements, @Nullable Long clicks,
        @Nullable Double engagementRate, @Nullable Instant fetchedAt, @Nullable String lastError) {
}
