package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.content.CreativeCopy;
import io.flightdeck.content.NetworkLength;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The social scheduler: posts a creative (or a text) to one channel or several, each at a time a person chose or at
 * the channel's next best time, and the moves people make afterwards (reschedule, edit, publish now, cancel, retry,
 * settle a post in doubt). Everything is checked before anything is written ({@link SchedulingRules}); a post's
 * executions are written in the same transaction as the post. What people read about posts is {@link SocialPostReader}.
 */
@Service
@Transactional
public class SocialScheduler {

    static final Set<CampaignStatus> CLOSED = EnumSet.of(CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED,
            CampaignStatus.CANCELLED);

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final SocialPostReader reader;
    private final ChannelAccounts accounts;
    private final CampaignDirectory campaigns;
    private final CreativeCopy creatives;
    private final NewPosts newPosts;
    private final PostTimes times;
    private final PostReviews reviews;
    private final Jobs jobs;
    private final Clock clock;

    SocialScheduler(SocialPostRepository posts, ChannelPostRepository channelPosts, SocialPostReader reader,
            ChannelAccounts accounts, CampaignDirectory campaigns, CreativeCopy creatives,
            NewPosts newPosts, PostTimes times, PostReviews reviews, Jobs jobs, Clock clock) {
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.reader = reader;
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

    /**
     * One channel: an account, and optionally its own text, first comment, time and choices for its network.
     *
     * @param options the network's choices ({@code PostOption} keys: a Reel, TikTok's privacy level); null for none
     */
    public record Target(UUID accountId, String text, String firstComment, Instant at, Map<String, String> options) {

        public Target(UUID accountId, String text, String firstComment, Instant at) {
            this(accountId, text, firstComment, at, null);
        }
    }

    // ---- scheduling ------------------------------------------------------------------------------------------------

    public SocialPostView schedule(ScheduleCommand command) {
        NewPosts.Created created = newPosts.schedule(openCampaign(command.campaignId()), command);
        return reader.view(created.post(), created.channels());
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

    // ---- a person's moves --------------------------------------------------------------------------------------------

    public ChannelPostView reschedule(UUID channelPostId, Instant at, Long expectedVersion) {
        ChannelPost p = channelPost(channelPostId, expectedVersion);
        Instant now = clock.instant();
        ChannelAccountView account = accounts.find(List.of(p.getAccountId())).get(p.getAccountId());
        if (at == null) {
            p.reschedule(times.nextBestTime(p, account, now), PlannedBy.BEST_TIME, now);
        } else {
            times.requireFree("at", at, now, p.getCampaignId(), p.getChannel(), List.of(), List.of(p.getId()));
            p.reschedule(at, PlannedBy.PERSON, now);
        }
        changedByPerson(p, now);
        return saved(p, account);
    }

    public ChannelPostView edit(UUID channelPostId, String text, String firstComment, List<UUID> mediaAssetIds,
            Long expectedVersion) {
        return edit(channelPostId, text, firstComment, mediaAssetIds, null, expectedVersion);
    }

    /** @param options the network's choices; null leaves them, an empty map clears them */
    public ChannelPostView edit(UUID channelPostId, String text, String firstComment, List<UUID> mediaAssetIds,
            Map<String, String> options, Long expectedVersion) {
        SchedulingRules.refuse(SchedulingRules.options("networkOptions", options));
        ChannelPost p = channelPost(channelPostId, expectedVersion);
        String newText = text == null ? p.getCopy().text() : NetworkLength.oneCharacterLineBreaks(text.strip());
        if (newText.isEmpty()) {
            throw new InvalidInputException("text", "A post needs text.");
        }
        SchedulingRules.refuse(SchedulingRules.length("text", newText, p.getChannel()));
        String comment = firstComment == null ? p.getCopy().firstComment() : (firstComment.isBlank() ? null
                : NetworkLength.oneCharacterLineBreaks(firstComment.strip()));
        if (comment != null) {
            SchedulingRules.refuse(SchedulingRules.length("firstComment", comment, p.getChannel()));
        }
        List<UUID> media = mediaAssetIds == null ? p.getCopy().mediaAssetIds() : newPosts.checkedMedia(mediaAssetIds);
        Map<String, String> chosen = options == null ? p.getCopy().networkOptions() : options;
        boolean changed = !newText.equals(p.getCopy().text()) || !Objects.equals(comment, p.getCopy().firstComment())
                || !media.equals(p.getCopy().mediaAssetIds()) || !chosen.equals(p.getCopy().networkOptions());
        if (!changed) {
            return saved(p, null);
        }
        Instant now = clock.instant();
        boolean textChanged = !newText.equals(p.getCopy().text());
        p.edit(newText, comment, media, chosen, now);
        if (textChanged && p.getCopy().creativeId() != null) {
            // the copy for one network is the creative's copy there: a new revision, which this post now carries
            UUID creative = p.getCopy().creativeId();
            p.carries(creative, creatives.writeChannelText(creative, p.getChannel(), newText).revision());
        }
        changedByPerson(p, now);
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
        return reader.view(post, channels);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private ChannelPostView saved(ChannelPost p, ChannelAccountView account) {
        ChannelPost saved = channelPosts.saveAndFlush(p);
        if (saved.getStatus() == ChannelPostStatus.SCHEDULED) {
            jobs.wake(PostJobs.CHANNEL_POST, TenantScope.require(), saved.getId(), saved.dueAt());
        }
        return account != null ? ChannelPostView.of(saved, account) : reader.view(saved);
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
