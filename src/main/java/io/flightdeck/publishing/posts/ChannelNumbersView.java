package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;

/**
 * One channel's numbers as its network last reported them; all null until the first fetch (an hour after it went out).
 *
 * @param engagementRate engagements per impression
 * @param lastError      why the last fetch failed; null when it worked
 */
public record ChannelNumbersView(UUID channelPostId, Channel channel, String accountName, String status,
        Long impressions, Long reach, Long engagements, Long clicks, Double engagementRate, Instant fetchedAt,
        String lastError) {
}
