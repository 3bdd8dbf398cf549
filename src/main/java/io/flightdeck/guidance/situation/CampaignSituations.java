package io.flightdeck.guidance.situation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.CampaignResults;
import io.flightdeck.analytics.CampaignResults.ChannelResult;
import io.flightdeck.analytics.CampaignResults.ObjectDay;
import io.flightdeck.analytics.CampaignResults.SpendAgainstPlan;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.CreativeChanges;
import io.flightdeck.content.CreativeChanges.CreativeChange;
import io.flightdeck.email.FailedEmailSends;
import io.flightdeck.guidance.recommendations.CampaignSituation;
import io.flightdeck.guidance.recommendations.CampaignSituation.ChannelResults;
import io.flightdeck.guidance.recommendations.CampaignSituation.CreativeResults;
import io.flightdeck.guidance.recommendations.CampaignSituation.FailedSend;
import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;
import io.flightdeck.guidance.recommendations.CampaignSituation.PostingSlot;
import io.flightdeck.guidance.recommendations.CampaignSituation.ScheduledPost;
import io.flightdeck.guidance.recommendations.CampaignSituation.SpendPacing;
import io.flightdeck.guidance.recommendations.CampaignSituation.TroubledPost;
import io.flightdeck.guidance.recommendations.CampaignSituation.WorkspaceChannel;
import io.flightdeck.publishing.PostingRecord;
import io.flightdeck.publishing.PostingRecord.CampaignPost;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a campaign's {@link CampaignSituation} from the modules that know it, each through its root API and read
 * once: analytics (the channels beside the workspace's other campaigns, the budget page's pacing, the posts' daily
 * clicks), publishing (the workspace's published posts of the last {@link #SLOTS_FROM} days, the campaign's posts),
 * email (failed sends) and content (when each creative last changed). The rules then run on plain values.
 */
@Service
public class CampaignSituations {

    /** How far back the workspace's posting slots are counted, as publishing's best times learn. */
    static final Duration SLOTS_FROM = Duration.ofDays(90);
    /** A creative's early weeks after a change, and the recent days it is compared on. */
    static final int EARLY_DAYS = 14;
    static final int RECENT_DAYS = 7;

    private final CampaignDirectory campaigns;
    private final CampaignResults results;
    private final PostingRecord posts;
    private final FailedEmailSends sends;
    private final CreativeChanges creatives;
    private final Clock clock;

    CampaignSituations(CampaignDirectory campaigns, CampaignResults results, PostingRecord posts,
            FailedEmailSends sends, CreativeChanges creatives, Clock clock) {
        this.campaigns = campaigns;
        this.results = results;
        this.posts = posts;
        this.sends = sends;
        this.creatives = creatives;
        this.clock = clock;
    }

    /** The campaign of the current workspace as it stands now; another workspace's is not found. */
    @Transactional(readOnly = true)
    public CampaignSituation of(UUID campaignId) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
        Instant now = clock.instant();
        ZoneId zone = results.workspaceZone();
        SpendAgainstPlan plan = results.spendAgainstPlan(campaignId);
        String currency = plan.currency() != null ? plan.currency()
                : campaign.budget() == null ? null : campaign.budget().currency();
        List<CampaignPost> campaignPosts = posts.ofCampaign(campaignId);
        return new CampaignSituation(campaignId, campaign.name(), campaign.status().name(), campaign.startDate(),
                campaign.endDate(), LocalDate.ofInstant(now, zone), currency,
                channels(results.byChannel(campaignId, currency)),
                new SpendPacing(plan.budget(), plan.plannedToDate(), plan.spentToDate()),
                slots(posts.publishedSince(now.minus(SLOTS_FROM)), zone), scheduled(campaignPosts, now, zone),
                creatives(campaignId, campaignPosts, now), troubled(campaignPosts),
                sends.ofCampaign(campaignId).stream().map(s -> new FailedSend(s.id(), s.name(), s.failedRecipients(),
                        s.failure() == null ? "no error recorded" : s.failure())).toList());
    }

    /** Another workspace's campaign, or none, is not found. */
    public void requireCampaign(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    static String label(String channel) {
        try {
            return Channel.valueOf(channel).label();
        } catch (IllegalArgumentException notOurs) {
            return channel;
        }
    }

    private static List<ChannelResults> channels(List<ChannelResult> found) {
        return found.stream().map(c -> new ChannelResults(c.channel(), label(c.channel()), c.impressions(), c.clicks(),
                c.conversions(), c.spend(), c.othersImpressions() == 0 ? null
                        : new WorkspaceChannel(c.othersImpressions(), c.othersClicks()))).toList();
    }

    static List<PostingSlot> slots(List<PostingRecord.PublishedPost> published, ZoneId zone) {
        Map<String, long[]> bySlot = new TreeMap<>();
        Map<String, ZonedDateTime> at = new HashMap<>();
        for (PostingRecord.PublishedPost post : published) {
            ZonedDateTime local = post.publishedAt().atZone(zone);
            String key = local.getDayOfWeek().getValue() + ":" + local.getHour();
            long[] sums = bySlot.computeIfAbsent(key, k -> new long[2]);
            sums[0]++;
            sums[1] += Math.max(0, post.clicks());
            at.putIfAbsent(key, local);
        }
        List<PostingSlot> slots = new ArrayList<>();
        bySlot.forEach((key, sums) -> slots.add(new PostingSlot(at.get(key).getDayOfWeek(), at.get(key).getHour(),
                (int) sums[0], sums[1])));
        return slots;
    }

    private static List<ScheduledPost> scheduled(List<CampaignPost> all, Instant now, ZoneId zone) {
        return all.stream().filter(p -> "SCHEDULED".equals(p.status()) && p.scheduledAt().isAfter(now)).map(p -> {
            ZonedDateTime local = p.scheduledAt().atZone(zone);
            return new ScheduledPost(p.id(), label(p.channel()), local.getDayOfWeek(), local.getHour());
        }).toList();
    }

    private static List<TroubledPost> troubled(List<CampaignPost> all) {
        List<TroubledPost> troubled = new ArrayList<>();
        for (CampaignPost p : all) {
            PostTrouble trouble = "FAILED".equals(p.status()) ? PostTrouble.FAILED
                    : "IN_DOUBT".equals(p.status()) ? PostTrouble.IN_DOUBT : null;
            if (trouble != null) {
                troubled.add(new TroubledPost(p.id(), label(p.channel()), trouble, p.error() != null ? p.error()
                        : trouble == PostTrouble.FAILED ? "the network refused it"
                        : "nobody knows whether it went out"));
            }
        }
        return troubled;
    }

    /**
     * Each creative's click rate over its posts in its first {@link #EARLY_DAYS} days after its last change and in the
     * last {@link #RECENT_DAYS} days, counted in UTC days as the posts' facts are.
     */
    private List<CreativeResults> creatives(UUID campaignId, List<CampaignPost> campaignPosts, Instant now) {
        List<CreativeChange> changes = creatives.ofCampaign(campaignId);
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> creativeOfPost = new HashMap<>();
        campaignPosts.stream().filter(p -> p.creativeId() != null)
                .forEach(p -> creativeOfPost.put(p.id().toString(), p.creativeId()));
        Map<UUID, List<ObjectDay>> daysOf = new HashMap<>();
        for (ObjectDay day : results.perObjectDay(campaignId, "post")) {
            UUID creative = creativeOfPost.get(day.objectId());
            if (creative != null) {
                daysOf.computeIfAbsent(creative, c -> new ArrayList<>()).add(day);
            }
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate recentFrom = today.minusDays(RECENT_DAYS - 1L);
        List<CreativeResults> found = new ArrayList<>();
        for (CreativeChange change : changes) {
            LocalDate changed = LocalDate.ofInstant(change.changedAt(), ZoneOffset.UTC);
            LocalDate earlyEnd = changed.plusDays(EARLY_DAYS - 1L);
            long[] early = new long[2];
            long[] recent = new long[2];
            for (ObjectDay day : daysOf.getOrDefault(change.id(), List.of())) {
                if (!day.day().isBefore(changed) && !day.day().isAfter(earlyEnd)) {
                    early[0] += day.impressions();
                    early[1] += day.clicks();
                }
                if (!day.day().isBefore(recentFrom) && !day.day().isAfter(today)) {
                    recent[0] += day.impressions();
                    recent[1] += day.clicks();
                }
            }
            found.add(new CreativeResults(change.id(), change.title(), (int) ChronoUnit.DAYS.between(changed, today),
                    rate(early), rate(recent), recent[0]));
        }
        return found;
    }

    private static double rate(long[] impressionsAndClicks) {
        return impressionsAndClicks[0] <= 0 ? 0 : (double) impressionsAndClicks[1] / impressionsAndClicks[0];
    }
}
