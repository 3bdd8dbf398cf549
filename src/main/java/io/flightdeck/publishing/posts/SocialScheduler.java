package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.CreativeCopy;
import io.flightdeck.content.CreativeCopy.PostCopy;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The social scheduler: posts a creative (or a text) to one channel or several, each at a time a person chose or at
 * the channel's next best time, and the moves people make afterwards (reschedule, edit, publish now, cancel, retry,
 * settle a post in doubt). Everything is checked before anything is written; a post's executions are written in the
 * same transaction as the post.
 */
@Service
@Transactional
public class SocialScheduler {

    static final Set<CampaignStatus> CLOSED = EnumSet.of(CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED,
            CampaignStatus.CANCELLED);

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final PostNumbersRepository numbers;
    private final PostGate gate;
    private final CampaignPosts campaignPosts;
    private final ChannelAccounts accounts;
    private final CampaignDirectory campaigns;
    private final CreativeCopy creatives;
    private final NewPosts newPosts;
    private final PostTimes times;
    private final PostReviews reviews;
    private final Jobs jobs;
    private final Clock clock;

    SocialScheduler(SocialPostRepository posts, ChannelPostRepository channelPosts, PostNumbersRepository numbers,
            PostGate gate, CampaignPosts campaignPosts, ChannelAccounts accounts, CampaignDirectory campaigns,
            CreativeCopy creatives, NewPosts newPosts, PostTimes times, PostReviews reviews, Jobs jobs,
            Clock clock) {
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.numbers = numbers;
        this.gate = gate;
        this.campaignPosts = campaignPosts;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.creatives = creatives;
        this.newPosts = newPosts;
        this.times = times;
        this.reviews = reviews;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * What to post where.
     *
     * @param creativeId    the creative whose channel text and media are the defaults; null to give the text, which
     *                      makes a creative behind the post
     * @param creativeVersion the creative's revision the person saw; null not to check (409 when it moved on)
     * @param at            when every channel without a time of its own posts; null for each channel's next best time
     * @param firstComment  every channel's first comment unless a channel gives its own
     * @param mediaAssetIds the files to attach; null for the creative's image or video
     */
    public record ScheduleCommand(UUID campaignId, UUID creativeId, Integer creativeVersion, String title,
            List<Target> targets, Instant at, String text, String firstComment, List<UUID> mediaAssetIds,
            Integer maxRetries) {
    }

    /** One channel: an account, and optionally its own text, first comment and time. */
    public record Target(UUID accountId, String text, String firstComment, Instant at) {
    }

    // ---- scheduling ------------------------------------------------------------------------------------------------

    public SocialPostView schedule(ScheduleCommand command) {
        NewPosts.Created created = newPosts.schedule(openCampaign(command.campaignId()), command);
        return view(created.post(), created.channels());
    }

    /** The next best time for an account in this campaign, keeping the gap to the campaign's other posts there. */
    @Transactional(readOnly = true)
    public Instant nextBestTime(UUID campaignId, UUID accountId, Instant earliest) {
        openCampaign(campaignId);
        ChannelAccountView account = accounts.get(accountId);
        Instant from = earliest == null || earliest.isBefore(clock.instant()) ? clock.instant() : earliest;
        return times.nextBestTime(campaignId, account, from, List.of());
    }

    /**
     * The time a post to the account would get now, and why, committing nothing.
     *
     * @param queue after the campaign's posts already queued on that network, rather than at the next best time
     */
    @Transactional(readOnly = true)
    public TimeAdvice advise(UUID campaignId, UUID accountId, boolean queue) {
        openCampaign(campaignId);
        return times.advise(campaignId, accounts.get(accountId), clock.instant(), queue);
    }

    /** Each channel's numbers for a post (null numbers before the first fetch). */
    @Transactional(readOnly = true)
    public List<ChannelNumbersView> analytics(UUID postId) {
        posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        List<ChannelPost> channels = channelPosts.findByPostId(postId);
        Map<UUID, PostNumbers> byPost = numbers.findByChannelPostIds(channels.stream().map(ChannelPost::getId).toList())
                .stream().collect(Collectors.toMap(PostNumbers::getChannelPostId, n -> n));
        Map<UUID, ChannelAccountView> accountsById = accounts.find(channels.stream().map(ChannelPost::getAccountId)
                .collect(Collectors.toSet()));
        return channels.stream().map(c -> {
            PostNumbers n = byPost.get(c.getId());
            ChannelAccountView a = accountsById.get(c.getAccountId());
            var m = n == null ? null : n.metrics();
            return new ChannelNumbersView(c.getId(), c.getChannel(), a == null ? "A deleted account" : a.displayName(),
                    c.getStatus().name(), m == null ? null : m.impressions(), m == null ? null : m.reach(),
                    m == null ? null : m.engagements(), m == null ? null : m.clicks(),
                    n == null ? null : n.engagementRate(), n == null ? null : n.getFetchedAt(),
                    n == null ? null : n.getLastError());
        }).toList();
    }

    // ---- a person's moves --------------------------------------------------------------------------------------------

    public ChannelPostView reschedule(UUID channelPostId, Instant at, Long expectedVersion) {
        ChannelPost p = channelPost(channelPostId, expectedVersion);
        Instant now = clock.instant();
        Instant when;
        PlannedBy by;
        ChannelAccountView account = accounts.find(List.of(p.getAccountId())).get(p.getAccountId());
        if (at == null) {
            if (account == null || account.disconnected()) {
                throw new InvalidInputException("at", "The account was disconnected: give a time, or cancel the post.");
            }
            when = times.bestTime(account, now, times.taken(p.getCampaignId(), p.getChannel(), now, times.horizon(now),
                    List.of(p.getId())));
            by = PlannedBy.BEST_TIME;
        } else {
            PostTimes.requireFuture("at", at, now);
            times.requireGap("at", at, times.taken(p.getCampaignId(), p.getChannel(), at.minus(times.gap()),
                    at.plus(times.gap()), List.of(p.getId())), p.getChannel());
            when = at;
            by = PlannedBy.PERSON;
        }
        p.reschedule(when, by, now);
        changedByPerson(p, now);
        return saved(p, account);
    }

    public ChannelPostView edit(UUID channelPostId, String text, String firstComment, List<UUID> mediaAssetIds,
            Long expectedVersion) {
        ChannelPost p = channelPost(channelPostId, expectedVersion);
        String newText = text == null ? p.getText() : text.strip();
        if (newText.isEmpty()) {
            throw new InvalidInputException("text", "A post needs text.");
        }
        NewPosts.checkLength("text", newText, p.getChannel());
        String comment = firstComment == null ? p.getFirstComment() : (firstComment.isBlank() ? null : firstComment.strip());
        if (comment != null) {
            NewPosts.checkLength("firstComment", comment, p.getChannel());
        }
        List<UUID> media = mediaAssetIds == null ? p.getMediaAssetIds() : newPosts.checkedMedia(mediaAssetIds);
        boolean changed = !newText.equals(p.getText()) || !java.util.Objects.equals(comment, p.getFirstComment())
                || !media.equals(p.getMediaAssetIds());
        if (!changed) {
            return saved(p, null);
        }
        Instant now = clock.instant();
        boolean textChanged = !newText.equals(p.getText());
        p.edit(newText, comment, media, now);
        if (textChanged && p.getCreativeId() != null) {
            // the copy for one network is the creative's copy there: a new revision, which this post now carries
            p.carries(p.getCreativeId(), creatives.writeChannelText(p.getCreativeId(), p.getChannel(), newText).revision());
        }
        changedByPerson(p, now);
        return saved(p, null);
    }

    public ChannelPostView publishNow(UUID channelPostId) {
        ChannelPost p = channelPost(channelPostId, null);
        p.publishNow(clock.instant());
        return saved(p, null);
    }

    public ChannelPostView cancel(UUID channelPostId) {
        ChannelPost p = channelPost(channelPostId, null);
        p.cancel(clock.instant());
        return saved(p, null);
    }

    public ChannelPostView retry(UUID channelPostId) {
        ChannelPost p = channelPost(channelPostId, null);
        p.retry(clock.instant());
        return saved(p, null);
    }

    public ChannelPostView resolveInDoubt(UUID channelPostId, boolean foundOnNetwork, String url) {
        ChannelPost p = channelPost(channelPostId, null);
        if (url != null && !url.isBlank() && !url.matches("https?://\\S{1,990}")) {
            throw new InvalidInputException("url", "A web address (https://…).");
        }
        p.resolveInDoubt(foundOnNetwork, url == null || url.isBlank() ? null : url.strip(), clock.instant());
        return saved(p, null);
    }

    /** Publishes every channel of a post now that is scheduled, failed or missed; the others stay as they are. */
    public SocialPostView publishPostNow(UUID postId) {
        SocialPost post = posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        List<ChannelPost> channels = channelPosts.findByPostId(postId);
        Instant now = clock.instant();
        List<ChannelPost> moved = new ArrayList<>();
        for (ChannelPost c : channels) {
            if (EnumSet.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED, ChannelPostStatus.MISSED)
                    .contains(c.getStatus())) {
                c.publishNow(now);
                moved.add(c);
            }
        }
        if (moved.isEmpty()) {
            throw new ConflictException("illegal-post-transition", "Nothing in this post waits to be published.");
        }
        channelPosts.flush();
        for (ChannelPost c : moved) {
            jobs.wake(PostJobs.CHANNEL_POST, TenantScope.require(), c.getId(), now);
        }
        return view(post, channels);
    }

    /** Cancels every channel of a post that can still be cancelled; the published ones stay. */
    public SocialPostView cancelPost(UUID postId) {
        SocialPost post = posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        List<ChannelPost> channels = channelPosts.findByPostId(postId);
        Instant now = clock.instant();
        boolean any = false;
        for (ChannelPost c : channels) {
            if (EnumSet.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED, ChannelPostStatus.MISSED,
                    ChannelPostStatus.IN_DOUBT).contains(c.getStatus())) {
                c.cancel(now);
                any = true;
            }
        }
        if (!any) {
            throw new ConflictException("illegal-post-transition", "Nothing in this post can be cancelled any more.");
        }
        channelPosts.flush();
        return view(post, channels);
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    /** A campaign's channel posts by where they stand. */
    public record PostCounts(long scheduled, long waiting, long publishing, long published, long needPerson,
            long cancelled) {

        public long total() {
            return scheduled + publishing + published + needPerson + cancelled;
        }
    }

    @Transactional(readOnly = true)
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
    @Transactional(readOnly = true)
    public List<PostBlocker> campaignBlockers(UUID campaignId) {
        List<PostBlocker> blockers = new ArrayList<>(gate.campaignBlockers(campaignId));
        List<UUID> used = channelPosts.accountsOf(campaignId, EnumSet.of(ChannelPostStatus.SCHEDULED));
        accounts.find(used).values().stream().filter(a -> !a.canPost()).forEach(a -> blockers.add(new PostBlocker(
                "channel-health:" + a.id(), a.displayName() + " cannot post: " + (a.healthReason() == null
                        ? "connect it again." : a.healthReason()), "/channels")));
        return blockers;
    }

    /** Moves the campaign's overdue scheduled posts to their next best times; answers how many moved. */
    public int replanOverdue(UUID campaignId) {
        return campaignPosts.replanOverdue(campaignId);
    }

    /** The ids of a campaign's scheduled channel posts, earliest first. */
    @Transactional(readOnly = true)
    public List<UUID> scheduledOf(UUID campaignId) {
        return channelPosts.findByCampaignIdAndStatus(campaignId, ChannelPostStatus.SCHEDULED).stream()
                .map(ChannelPost::getId).toList();
    }

    @Transactional(readOnly = true)
    public SocialPostView get(UUID postId) {
        SocialPost post = posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        return view(post, channelPosts.findByPostId(postId));
    }

    @Transactional(readOnly = true)
    public ChannelPostView getChannelPost(UUID channelPostId) {
        ChannelPost p = channelPosts.findById(channelPostId).orElseThrow(() -> new NotFoundException("Channel post"));
        return ChannelPostView.of(p, accounts.find(List.of(p.getAccountId())).get(p.getAccountId()));
    }

    /** A campaign's queue: its posts, newest first, each with its channels. */
    @Transactional(readOnly = true)
    public PageResponse<SocialPostView> queue(UUID campaignId, Pageable pageable) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        Page<SocialPost> page = posts.findByCampaignId(campaignId, pageable);
        List<ChannelPost> channels = page.isEmpty() ? List.of()
                : channelPosts.findByPostIds(page.getContent().stream().map(SocialPost::getId).toList());
        Map<UUID, List<ChannelPost>> byPost = channels.stream().collect(Collectors.groupingBy(ChannelPost::getPostId,
                LinkedHashMap::new, Collectors.toList()));
        Map<UUID, ChannelAccountView> accountsById = accounts.find(channels.stream().map(ChannelPost::getAccountId)
                .collect(Collectors.toSet()));
        return PageResponse.of(page, p -> SocialPostView.of(p, byPost.getOrDefault(p.getId(), List.of()).stream()
                .map(c -> ChannelPostView.of(c, accountsById.get(c.getAccountId()))).toList()));
    }

    /**
     * The calendar: channel posts between two instants (at most {@code limit}), optionally of one campaign and on one
     * channel (null for any); one query for the posts and one for their accounts.
     */
    @Transactional(readOnly = true)
    public List<ChannelPostView> between(Instant from, Instant to, UUID campaignId, Channel channel,
            boolean withCancelled, int limit) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "The end must come after the start.");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(62)) > 0) {
            throw new InvalidInputException("to", "At most 62 days at once.");
        }
        Collection<ChannelPostStatus> statuses = withCancelled ? EnumSet.allOf(ChannelPostStatus.class)
                : EnumSet.complementOf(EnumSet.of(ChannelPostStatus.CANCELLED));
        List<ChannelPost> found = channelPosts.findBetween(from, to, campaignId, channel, statuses,
                PageRequest.of(0, limit));
        return views(found);
    }

    /** The dead-letter list: failed, in doubt and missed posts, the most recent change first. */
    @Transactional(readOnly = true)
    public PageResponse<ChannelPostView> needingPerson(Pageable pageable) {
        Page<ChannelPost> page = channelPosts.findByStatusIn(EnumSet.of(ChannelPostStatus.FAILED,
                ChannelPostStatus.IN_DOUBT, ChannelPostStatus.MISSED), pageable);
        Map<UUID, ChannelAccountView> accountsById = accounts.find(page.getContent().stream()
                .map(ChannelPost::getAccountId).collect(Collectors.toSet()));
        return PageResponse.of(page, c -> ChannelPostView.of(c, accountsById.get(c.getAccountId())));
    }

    static Sort newestChangeFirst() {
        return Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private List<ChannelPostView> views(List<ChannelPost> found) {
        Map<UUID, ChannelAccountView> accountsById = accounts.find(found.stream().map(ChannelPost::getAccountId)
                .collect(Collectors.toSet()));
        return found.stream().map(c -> ChannelPostView.of(c, accountsById.get(c.getAccountId()))).toList();
    }

    private SocialPostView view(SocialPost post, List<ChannelPost> channels) {
        return SocialPostView.of(post, views(channels));
    }

    private ChannelPostView saved(ChannelPost p, ChannelAccountView account) {
        ChannelPost saved = channelPosts.saveAndFlush(p);
        if (saved.getStatus() == ChannelPostStatus.SCHEDULED) {
            jobs.wake(PostJobs.CHANNEL_POST, TenantScope.require(), saved.getId(), saved.dueAt());
        }
        return ChannelPostView.of(saved, account != null ? account
                : accounts.find(List.of(saved.getAccountId())).get(saved.getAccountId()));
    }

    private ChannelPost channelPost(UUID id, Long expectedVersion) {
        ChannelPost p = channelPosts.findById(id).orElseThrow(() -> new NotFoundException("Channel post"));
        if (expectedVersion != null && expectedVersion != p.getVersion()) {
            throw new PreconditionFailedException(p.getVersion());
        }
        return p;
    }

    /** A person changed one channel of the post: the post's revision moves on and goes to schedule review again. */
    private void changedByPerson(ChannelPost p, Instant now) {
        SocialPost post = posts.findById(p.getPostId()).orElseThrow();
        post.changed(now);
        posts.saveAndFlush(post);
        reviews.submit(post, channelPosts.findByPostId(post.getId()).stream().map(c -> c.getChannel().label()).distinct()
                .toList());
    }

    private CampaignSnapshot openCampaign(UUID campaignId) {
        if (campaignId == null) {
            throw new InvalidInputException("campaignId", "Choose the campaign the post belongs to.");
        }
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        if (CLOSED.contains(campaign.status())) {
            throw new ConflictException("campaign-closed", "The campaign is " + campaign.status().label().toLowerCase()
                    + ": nothing more is posted for it.");
        }
        return campaign;
    }

}
