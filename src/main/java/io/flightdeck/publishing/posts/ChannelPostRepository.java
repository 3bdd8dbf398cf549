package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelPostRepository extends JpaRepository<ChannelPost, UUID> {

    @Query("select c from ChannelPost c where c.postId in :postIds order by c.scheduledAt, c.id")
    List<ChannelPost> findByPostIds(Collection<UUID> postIds);

    @Query("select c from ChannelPost c where c.postId = :postId order by c.scheduledAt, c.id")
    List<ChannelPost> findByPostId(UUID postId);

    /**
     * The calendar: every channel post between two instants, any status but cancelled unless asked, optionally of one
     * campaign and on one channel.
     */
    @Query("""
            select c from ChannelPost c where c.scheduledAt >= :from and c.scheduledAt < :to
              and (:campaignId is null or c.campaignId = :campaignId)
              and (:channel is null or c.channel = :channel)
              and c.status in :statuses
            order by c.scheduledAt, c.id""")
    List<ChannelPost> findBetween(Instant from, Instant to, UUID campaignId, Channel channel,
            Collection<ChannelPostStatus> statuses, Pageable limit);

    @Query("select c from ChannelPost c where c.accountId = :accountId and c.status = :status order by c.id")
    List<ChannelPost> findByAccountIdAndStatus(UUID accountId, ChannelPostStatus status);

    /** The account's posts the network named with one of these ids (Facebook names a video post by both). */
    @Query("select c from ChannelPost c where c.accountId = :accountId and c.externalId in :externalIds order by c.id")
    List<ChannelPost> findByAccountIdAndExternalIdIn(UUID accountId, Collection<String> externalIds);

    Page<ChannelPost> findByStatusIn(Collection<ChannelPostStatus> statuses, Pageable pageable);

    /** What keeps the minimum gap: the campaign's other live posts on this channel near a time. */
    @Query("""
            select c.scheduledAt from ChannelPost c where c.campaignId = :campaignId and c.channel = :channel
              and c.status in (io.flightdeck.publishing.posts.ChannelPostStatus.SCHEDULED,
                               io.flightdeck.publishing.posts.ChannelPostStatus.PUBLISHING,
                               io.flightdeck.publishing.posts.ChannelPostStatus.PUBLISHED)
              and c.scheduledAt > :from and c.scheduledAt < :to and c.id not in :except
            order by c.scheduledAt""")
    List<Instant> takenTimes(UUID campaignId, Channel channel, Instant from, Instant to, Collection<UUID> except);

    /** What counts against the accounts' posting limits: their scheduled posts of every campaign in a span. */
    @Query("""
            select c from ChannelPost c where c.accountId in :accountIds
              and c.status = io.flightdeck.publishing.posts.ChannelPostStatus.SCHEDULED
              and c.scheduledAt >= :from and c.scheduledAt < :to
            order by c.scheduledAt, c.id""")
    List<ChannelPost> scheduledOnAccounts(Collection<UUID> accountIds, Instant from, Instant to);

    @Query("select c from ChannelPost c where c.campaignId = :campaignId and c.status = :status order by c.scheduledAt")
    List<ChannelPost> findByCampaignIdAndStatus(UUID campaignId, ChannelPostStatus status);

    @Query("select distinct c.accountId from ChannelPost c where c.campaignId = :campaignId and c.status in :statuses")
    List<UUID> accountsOf(UUID campaignId, Collection<ChannelPostStatus> statuses);

    /** The workspace's published posts on a channel with numbers, since a time: what its best hours are learnt from. */
    @Query("""
            select new io.flightdeck.publishing.posts.EngagementSample(c.publishedAt, n.impressions, n.engagements)
            from ChannelPost c, PostNumbers n
            where n.channelPostId = c.id and c.channel = :channel
              and c.status = io.flightdeck.publishing.posts.ChannelPostStatus.PUBLISHED and c.publishedAt > :since
              and n.impressions > 0""")
    List<EngagementSample> engagement(Channel channel, Instant since, Pageable limit);

    /** A campaign's channel posts counted by status, and how many scheduled ones wait on blockers. */
    @Query("""
            select c.status, count(c), sum(case when c.waits.since is not null then 1 else 0 end)
            from ChannelPost c where c.campaignId = :campaignId group by c.status""")
    List<Object[]> countByStatus(UUID campaignId);
}
