package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a campaign's life does to its posts: a launch or an approval wakes the posts waiting on it; a resume re-plans
 * the posts whose time passed during the pause to their channels' next best times (never posting them late on their
 * own); a campaign that ends cancels what was not sent.
 */
@Service
@Transactional
class CampaignPosts {

    private final ChannelPostRepository posts;
    private final ChannelAccounts accounts;
    private final PostingWindows windows;
    private final Jobs jobs;
    private final PublishingProperties properties;
    private final Clock clock;

    CampaignPosts(ChannelPostRepository posts, ChannelAccounts accounts, PostingWindows windows, Jobs jobs,
            PublishingProperties properties, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.windows = windows;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Waiting posts look at their blockers now rather than at their next recheck. */
    int wakeWaiting(UUID campaignId) {
        Instant now = clock.instant();
        int woken = 0;
        for (ChannelPost p : posts.findByCampaignIdAndStatus(campaignId, ChannelPostStatus.SCHEDULED)) {
            if (p.getBlockedSince() != null) {
                jobs.wake(PostJobs.CHANNEL_POST, TenantScope.require(), p.getId(), now);
                woken++;
            }
        }
        return woken;
    }

    /** After a pause: every scheduled post now overdue moves to its channel's next best time, keeping the gap. */
    int replanOverdue(UUID campaignId) {
        Instant now = clock.instant();
        List<ChannelPost> scheduled = posts.findByCampaignIdAndStatus(campaignId, ChannelPostStatus.SCHEDULED);
        Map<UUID, ChannelAccountView> byId = accounts.find(scheduled.stream().map(ChannelPost::getAccountId).toList());
        List<Instant> planned = new ArrayList<>();
        int moved = 0;
        for (ChannelPost p : scheduled) {
            if (p.getScheduledAt().isAfter(now)) {
                continue;
            }
            ChannelAccountView account = byId.get(p.getAccountId());
            ZoneId zone = account == null ? ZoneId.of("UTC") : ZoneId.of(account.timeZone());
            List<Instant> taken = new ArrayList<>(posts.takenTimes(campaignId, p.getChannel(), now,
                    now.plus(Duration.ofDays(BestTimes.MAX_DAYS + 1)), List.of(p.getId())));
            taken.addAll(planned);
            Instant at = BestTimes.next(now, zone, windows.of(p.getChannel(), zone), properties.minimumGap(),
                    taken);
            p.reschedule(at, PlannedBy.BEST_TIME, now);
            p.log("info", "Its time passed while the campaign was paused: re-planned", now);
            planned.add(at);
            jobs.wake(PostJobs.CHANNEL_POST, TenantScope.require(), p.getId(), at);
            moved++;
        }
        wakeWaiting(campaignId);
        return moved;
    }

    /** The campaign ended: what was not sent will not be. */
    int cancelUnsent(UUID campaignId, String why) {
        Instant now = clock.instant();
        int cancelled = 0;
        for (ChannelPostStatus status : List.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED,
                ChannelPostStatus.MISSED)) {
            for (ChannelPost p : posts.findByCampaignIdAndStatus(campaignId, status)) {
                p.cancel(now);
                p.log("info", why, now);
                cancelled++;
            }
        }
        return cancelled;
    }
}
