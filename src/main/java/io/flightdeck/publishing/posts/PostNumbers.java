package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.SandboxChannel;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A published post's numbers as its network last reported them, and when to ask again: a first look
 * {@link #FIRST_LOOK} after it went out (a team that just published wants to see it start), then hourly for its first
 * two days (when they move), twice a day until it is thirty days old, then never.
 */
@Entity
@NotAudited
@Table(name = "channel_post_metrics")
class PostNumbers extends TenantOwnedEntity {

    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
    static final Duration FIRST_LOOK = Duration.ofMinutes(5);
    static final Duration FRESH = Duration.ofDays(2);
    static final Duration WATCHED = Duration.ofDays(30);

    private UUID channelPostId;
    private Long impressions;
    private Long reach;
    private Long engagements;
    private Long clicks;
    private Instant fetchedAt;
    private int fetchCount;
    private String lastError;
    private Instant nextFetchAt;
    @Version
    @Column(name = "version")
    private long version;

    protected PostNumbers() {
    }

    /** Numbers to fetch for a post just published: the first look a few minutes later. */
    PostNumbers(UUID channelPostId, Instant publishedAt) {
        this.channelPostId = channelPostId;
        this.nextFetchAt = publishedAt.plus(FIRST_LOOK);
    }

    /** Records what the network said; answers false when the post is old enough to stop asking. */
    boolean fetched(PostMetrics m, Instant publishedAt, Instant now) {
        this.impressions = m.impressions();
        this.reach = m.reach();
        this.engagements = m.engagements();
        this.clicks = m.clicks();
        this.fetchedAt = now;
        this.fetchCount++;
        this.lastError = null;
        return schedule(publishedAt, now);
    }

    boolean failed(String error, Instant publishedAt, Instant now) {
        this.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        this.fetchCount++;
        return schedule(publishedAt, now);
    }

    private boolean schedule(Instant publishedAt, Instant now) {
        Duration age = Duration.between(publishedAt, now);
        if (age.compareTo(WATCHED) >= 0) {
            this.nextFetchAt = NEVER;
            return false;
        }
        this.nextFetchAt = now.plus(age.compareTo(FRESH) < 0 ? Duration.ofHours(1) : Duration.ofHours(12));
        return true;
    }

    /** Engagements per impression; null before any number came. */
    Double engagementRate() {
        if (impressions == null || impressions == 0 || engagements == null) {
            return null;
        }
        return engagements / (double) impressions;
    }

    UUID getChannelPostId() {
        return channelPostId;
    }

    PostMetrics metrics() {
        return new PostMetrics(impressions, reach, engagements, clicks);
    }

    Instant getFetchedAt() {
        return fetchedAt;
    }

    String getLastError() {
        return lastError;
    }

    Instant getNextFetchAt() {
        return nextFetchAt;
    }

    /** The next look, or null when there is none: the post is older than {@link #WATCHED}. */
    Instant nextLook() {
        return NEVER.equals(nextFetchAt) ? null : nextFetchAt;
    }

    /**
     * A channel post's numbers as people see them: all null before the first look ({@code numbers} null too when
     * the post has no row yet); {@code network} says whether they are the sandbox's, made up.
     */
    static ChannelNumbersView view(PostNumbers numbers, UUID channelPostId, Channel channel, String accountName,
            String status, String network) {
        PostMetrics m = numbers == null ? null : numbers.metrics();
        return new ChannelNumbersView(channelPostId, channel, accountName, status,
                m == null ? null : m.impressions(), m == null ? null : m.reach(), m == null ? null : m.engagements(),
                m == null ? null : m.clicks(), numbers == null ? null : numbers.engagementRate(),
                numbers == null ? null : numbers.fetchedAt, numbers == null ? null : numbers.lastError,
                numbers == null ? null : numbers.nextLook(), SandboxChannel.NETWORK.equals(network));
    }
}
