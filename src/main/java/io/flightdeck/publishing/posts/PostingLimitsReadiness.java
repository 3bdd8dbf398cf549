package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.PostOption;
import io.flightdeck.publishing.channels.PostingLimits;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The campaign's coming week against each network's posting limits, before launch rather than as failures at 09:00:
 * Instagram's publishing limit, Facebook's Reels a day, TikTok's creator settings and audit state, as each network
 * reports them for the account ({@link NetworkLimits}). Blocking when a 24-hour window would go over a limit, or an
 * account cannot publish what is planned; a network that cannot be asked is said, not guessed.
 */
@Component
@Order(71)
class PostingLimitsReadiness implements ReadinessCheck {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private final ChannelPostRepository posts;
    private final ChannelAccounts accounts;
    private final NetworkLimits limits;
    private final Clock clock;

    PostingLimitsReadiness(ChannelPostRepository posts, ChannelAccounts accounts, NetworkLimits limits, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        Instant now = clock.instant();
        Instant weekEnd = now.plus(java.time.Duration.ofDays(7));
        List<ChannelPost> ours = posts.findByCampaignIdAndStatus(campaign.id(), ChannelPostStatus.SCHEDULED).stream()
                .filter(p -> p.getScheduledAt().isBefore(weekEnd)).toList();
        if (ours.isEmpty()) {
            return List.of();
        }
        List<UUID> accountIds = ours.stream().map(ChannelPost::getAccountId).distinct().toList();
        Map<UUID, ChannelAccountView> found = accounts.find(accountIds);
        // a window ending at a post of this week reaches back a day: count the account's posts from then
        Map<UUID, List<ChannelPost>> planned = posts.scheduledOnAccounts(accountIds, now.minus(PostingWeek.DAY), weekEnd)
                .stream().collect(Collectors.groupingBy(ChannelPost::getAccountId));
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<ReadinessSubject> subjects = new ArrayList<>();
        boolean anyLimit = false;
        for (UUID id : accountIds) {
            ChannelAccountView account = found.get(id);
            if (account == null || !account.canPost()) {
                continue; // the accounts check blocks on it already
            }
            NetworkLimits.Answer answer = limits.of(id, account.network());
            PostingLimits l = answer.limits();
            anyLimit |= answer.unknownWhy() != null || l.postsPerDay() != null || !l.perDayByFormat().isEmpty()
                    || !l.accountBlockers().isEmpty();
            if (answer.unknownWhy() != null) {
                unknown.add(account.displayName() + ": " + answer.unknownWhy());
                continue;
            }
            List<String> mine = problems(account, answer.limits(), now, planned.getOrDefault(id, List.of()),
                    campaign.id());
            if (!mine.isEmpty()) {
                problems.addAll(mine);
                subjects.add(ReadinessSubject.of("channel-account", id, account.displayName(), "/channels"));
            }
        }
        if (!anyLimit) {
            return List.of(); // nothing limits these accounts (the sandbox by default): no item to tick
        }
        boolean ok = problems.isEmpty();
        String reason = ok ? "The coming week fits every network's posting limits"
                + (unknown.isEmpty() ? "" : " (could not ask: " + String.join("; ", unknown) + ")")
                : String.join(" ", problems);
        return List.of(new ReadinessItem("publishing.limits", "The coming week fits each network's limits", ok, 0, true,
                reason, "/calendar?campaignId=" + campaign.id()).withAction("Move or drop posts in the busy days")
                .about(subjects));
    }

    private static List<String> problems(ChannelAccountView account, PostingLimits limits, Instant now,
            List<ChannelPost> planned, UUID campaignId) {
        List<String> found = new ArrayList<>();
        for (String blocker : limits.accountBlockers()) {
            found.add(account.displayName() + ": " + blocker);
        }
        List<PostingWeek.Planned> week = planned.stream().map(p -> new PostingWeek.Planned(p.getScheduledAt(),
                p.getCopy().networkOptions().get(PostOption.FORMAT), p.getCampaignId().equals(campaignId))).toList();
        ZoneId zone = ZoneId.of(account.timeZone());
        for (PostingWeek.Overrun o : PostingWeek.overruns(limits, now, week)) {
            String what = o.format() == null ? "posts" : o.format() + " posts";
            found.add(account.displayName() + " (" + account.networkName() + ") allows " + o.limit() + " " + what
                    + " in 24 hours; " + o.count() + " would go out in the 24 hours up to "
                    + WHEN.format(o.until().atZone(zone)) + (o.format() == null && limits.usedToday() > 0
                    ? " (" + limits.usedToday() + " already out today)" : "") + ".");
        }
        return found;
    }
}
