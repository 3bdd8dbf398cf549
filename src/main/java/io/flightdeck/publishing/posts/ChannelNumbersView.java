package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One channel's numbers as its network last reported them; all null until the first look (a few minutes after it went
 * out).
 *
 * @param engagementRate engagements per impression
 * @param lastError      why the last fetch failed; null when it worked
 * @param nextFetchAt    when its network is asked next; null before it went out and once it is no longer watched
 * @param simulated      the numbers are made up by the sandbox network, not measured
 */
public record ChannelNumbersView(UUID channelPostId, Channel channel, String accountName, String status,
        @Nullable Long impressions, @Nullable Long reach, @Nullable Long engagements, @Nullable Long clicks,
        @Nullable Double engagementRate, @Nullable Instant fetchedAt, @Nullable String lastError,
        @Nullable Instant nextFetchAt, boolean simulated) {
}
