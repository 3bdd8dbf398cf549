package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people and the workflow read about posts: one post or channel, a campaign's queue and counts, the calendar,
 * the dead-letter list, a post's numbers and what holds a campaign's posts. Each list reads its channels' accounts in
 * one query, never one per post.
 */
@Service
@Transactional(readOnly = true)
public class SocialPostReader {

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final PostNumbersRepository numbers;
    private final PostGate gate;
    private final ChannelAccounts accounts;
    private final CampaignDirectory campaigns;

    SocialPostReader(SocialPostRepository posts, ChannelPostRepository channelPosts, PostNumbersRepository numbers,
            PostGate gate, ChannelAccounts accounts, CampaignDirectory campaigns) {
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.numbers = numbers;
        this.gate = gate;
        this.accounts = accounts;
        this.campaigns = campaigns;
    }

    public SocialPostView get(UUID postId) {
        SocialPost post = posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        return view(post, channelPosts.findByPostId(postId));
    }

    public ChannelPostView getChannelPost(UUID channelPostId) {
        ChannelPost p = channelPosts.findById(channelPostId).orElseThrow(() -> new NotFoundException("Channel post"));
        return view(p);
    }

    /** A campaign's queue: its posts, newest first, each with its channels. */
    public PageResponse<SocialPostView> queue(UUID campaignId, Pageable pageable) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        Page<SocialPost> page = posts.findByCampaignId(campaignId, pageable);
        List<ChannelPost> channels = page.isEmpty() ? List.of()
                : channelPosts.findByPostIds(page.getContent().stream().map(SocialPost::getId).toList());
        Map<UUID, List<ChannelPost>> byPost = channels.stream().collect(Collectors.groupingBy(ChannelPost::getPostId,
                LinkedHashMap::new, Collectors.toList()));
        Map<UUID, ChannelAccountView> accountsById = accountsOf(channels);
        return PageResponse.of(page, p -> SocialPostView.of(p, byPost.getOrDefault(p.getId(), List.of()).stream()
                .map(c -> ChannelPostView.of(c, accountsById.get(c.getAccountId()))).toList()));
    }

    /**
     * The calendar: channel posts between two instants (at most {@code limit}), optionally of one campaign and on one
     * channel (null for any); one query for the posts and one for their accounts.
     */
    public List<ChannelPostView> between(Instant from, Instant to, UUID campaignId, Channel channel,
            boolean withCancelled, int limit) {
        return views(channelPosts.findBetween(from, to, campaignId, channel, statuses(from, to, withCancelled),
                PageRequest.of(0, limit)));
    }

    /**
     * One page of what {@link #between} lists, without its limit, in the calendar's order (time, then id): an export
     * reads them all this way, with one query for the posts and one for their accounts per page.
     */
    public Slice<ChannelPostView> betweenPage(Instant from, Instant to, UUID campaignId, Channel channel,
            boolean withCancelled, Pageable page) {
        List<ChannelPostView> found = views(channelPosts.findBetween(from, to, campaignId, channel,
                statuses(from, to, withCancelled), PageRequest.of(page.getPageNumber(), page.getPageSize())));
        return new SliceImpl<>(found, page, found.size() == page.getPageSize());
    }

    /** Checks the range (the end after the start, at most 62 days) and names the statuses listed. */
    private static Collection<ChannelPostStatus> statuses(Instant from, Instant to, boolean withCancelled) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "The end must come after the start.");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(62)) > 0) {
            throw new InvalidInputException("to", "At most 62 days at once.");
        }
        return withCancelled ? EnumSet.allOf(ChannelPostStatus.class)
                : EnumSet.complementOf(EnumSet.of(ChannelPostStatus.CANCELLED));
    }

    /** The dead-letter list: failed, in doubt and missed posts, the most recent change first. */
    public PageResponse<ChannelPostView> needingPerson(Pageable pageable) {
        Page<ChannelPost> page = channelPosts.findByStatusIn(EnumSet.of(ChannelPostStatus.FAILED,
                ChannelPostStatus.IN_DOUBT, ChannelPostStatus.MISSED), pageable);
        Map<UUID, ChannelAccountView> accountsById = accountsOf(page.getContent());
        return PageResponse.of(page, c -> ChannelPostView.of(c, accountsById.get(c.getAccountId())));
    }

    /** The ids of a campaign's scheduled channel posts, earliest first. */
    public List<UUID> scheduledOf(UUID campaignId) {
        return channelPosts.findByCampaignIdAndStatus(campaignId, ChannelPostStatus.SCHEDULED).stream()
                .map(ChannelPost::getId).toList();
    }

    /** Each channel's numbers for a post (null numbers before the first fetch). */
    public List<ChannelNumbersView> analytics(UUID postId) {
        posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        List<ChannelPost> channels = channelPosts.findByPostId(postId);
        Map<UUID, PostNumbers> byPost = numbers.findByChannelPostIds(channels.stream().map(ChannelPost::getId).toList())
                .stream().collect(Collectors.toMap(PostNumbers::getChannelPostId, n -> n));
        Map<UUID, ChannelAccountView> accountsById = accountsOf(channels);
        return channels.stream().map(c -> {
            ChannelAccountView a = accountsById.get(c.getAccountId());
            return PostNumbers.view(byPost.get(c.getId()), c.getId(), c.getChannel(),
                    a == null ? "A deleted account" : a.displayName(), c.getStatus().name(),
                    a == null ? null : a.network());
        }).toList();
    }

    /**
     * The numbers of the given channel posts that went out, by channel post, for a page that lists them: one read of
     * the numbers and one of the accounts.
     */
    public Map<UUID, ChannelNumbersView> numbers(List<ChannelPostView> shown) {
        List<UUID> out = shown.stream().filter(c -> c.publishedAt() != null).map(ChannelPostView::id).toList();
        if (out.isEmpty()) {
            return Map.of();
        }
        Map<UUID, PostNumbers> byPost = numbers.findByChannelPostIds(out).stream()
                .collect(Collectors.toMap(PostNumbers::getChannelPostId, n -> n));
        Map<UUID, ChannelNumbersView> views = new java.util.HashMap<>();
        for (ChannelPostView c : shown) {
            PostNumbers n = byPost.get(c.id());
            if (n != null) {
                views.put(c.id(), PostNumbers.view(n, c.id(), c.channel(), c.accountName(), c.status().name(),
                        c.network()));
            }
        }
        return views;
    }

    /** A campaign's channel posts by where they stand. */
    public record PostCounts(long scheduled, long waiting, long publishing, long published, long needPerson,
            long cancelled) {

        public long total() {
            return scheduled + publishing + published + needPerson + cancelled;
        }
    }

    /** A campaign's channel posts by where they stand. */
    public PostCounts counts(UUID campaignId) {
        long scheduled = 0;
        long waiting = 0;
        long publishing = 0;
        long published = 0;
        long needPerson = 0;
        long cancelled = 0;
        for (Object[] row : channelPosts.countByStatus(campaignId)) {
            ChannelPostStatus status = (ChannelPostStatus) row[0];
            long n = ((Number) row[1]).longValue();
            switch (status) {
                case SCHEDULED -> {
                    scheduled = n;
                    waiting = row[2] == null ? 0 : ((Number) row[2]).longValue();
                }
                case PUBLISHING -> publishing = n;
                case PUBLISHED -> published = n;
                case CANCELLED -> cancelled = n;
                default -> needPerson += n;
            }
        }
        return new PostCounts(scheduled, waiting, publishing, published, needPerson, cancelled);
    }

    /**
     * What holds the campaign's posts as a whole: the campaign's status, its content and schedule approvals, and any
     * account its unsent posts go to that cannot post.
     */
    public List<PostBlocker> campaignBlockers(UUID campaignId) {
        List<PostBlocker> blockers = new ArrayList<>(gate.campaignBlockers(campaignId));
        List<UUID> used = channelPosts.accountsOf(campaignId, EnumSet.of(ChannelPostStatus.SCHEDULED));
        accounts.find(used).values().stream().filter(a -> !a.canPost()).forEach(a -> blockers.add(new PostBlocker(
                "channel-health:" + a.id(), a.displayName() + " cannot post: " + (a.healthReason() == null
                        ? "connect it again." : a.healthReason()), "/channels")));
        return blockers;
    }

    SocialPostView view(SocialPost post, List<ChannelPost> channels) {
        return SocialPostView.of(post, views(channels));
    }

    ChannelPostView view(ChannelPost p) {
        return ChannelPostView.of(p, accounts.find(List.of(p.getAccountId())).get(p.getAccountId()));
    }

    private List<ChannelPostView> views(List<ChannelPost> found) {
        Map<UUID, ChannelAccountView> accountsById = accountsOf(found);
        return found.stream().map(c -> ChannelPostView.of(c, accountsById.get(c.getAccountId()))).toList();
    }

    private Map<UUID, ChannelAccountView> accountsOf(List<ChannelPost> channels) {
        return accounts.find(channels.stream().map(ChannelPost::getAccountId).collect(Collectors.toSet()));
    }
}
