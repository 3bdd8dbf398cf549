package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Component;

/** When a post may go: the account's next best time, and the minimum gap between a campaign's posts on a network. */
@Component
class PostTimes {

    private final ChannelPostRepository channelPosts;
    private final PostingWindows windows;
    private final PublishingProperties properties;

    PostTimes(ChannelPostRepository channelPosts, PostingWindows windows, PublishingProperties properties) {
        this.channelPosts = channelPosts;
        this.windows = windows;
        this.properties = properties;
    }

    /** The account's next best time from {@code from}, keeping the gap to {@code taken}. */
    Instant bestTime(ChannelAccountView account, Instant from, List<Instant> taken) {
        return bestTime(account, windows.of(account.channel(), ZoneId.of(account.timeZone())), from, taken);
    }

    /** The same with the channel's window already read (reading it scans the workspace's recent engagement). */
    private Instant bestTime(ChannelAccountView account, BestTimes.Window window, Instant from, List<Instant> taken) {
        try {
            return BestTimes.next(from, ZoneId.of(account.timeZone()), window, gap(), taken);
        } catch (IllegalStateException full) {
            throw new ConflictException("no-free-time", full.getMessage());
        }
    }

    /** The next best time and the gap-taking posts from now on: what "add to the queue" picks. */
    Instant nextBestTime(UUID campaignId, ChannelAccountView account, Instant from, Collection<UUID> except) {
        return bestTime(account, from, taken(campaignId, account.channel(), from.minus(gap()), horizon(from), except));
    }

    /** A channel post's next best time from now, keeping the gap to the campaign's other posts there. */
    Instant nextBestTime(ChannelPost post, ChannelAccountView account, Instant now) {
        if (account == null || account.disconnected()) {
            throw new InvalidInputException("at", "The account was disconnected: give a time, or cancel the post.");
        }
        return bestTime(account, now, taken(post.getCampaignId(), post.getChannel(), now, horizon(now),
                List.of(post.getId())));
    }

    /**
     * The time a post to the account would get, and why, before anything is written.
     *
     * @param queue after the campaign's posts already queued on the network, rather than at the next best time
     */
    TimeAdvice advise(UUID campaignId, ChannelAccountView account, Instant now, boolean queue) {
        Channel channel = account.channel();
        ZoneId zone = ZoneId.of(account.timeZone());
        BestTimes.Window window = windows.of(channel, zone);
        List<Instant> taken = taken(campaignId, channel, now.minus(gap()), horizon(now), List.of());
        Instant from = now;
        if (queue && !taken.isEmpty()) {
            Instant last = taken.stream().max(Instant::compareTo).orElseThrow().plus(gap());
            from = last.isAfter(now) ? last : now;
        }
        Instant at = bestTime(account, window, from, taken);
        StringBuilder why = new StringBuilder(channel.label()).append(" does best from ")
                .append(String.format("%02d:00 to %02d:00", window.startHour(), window.endHour())).append(" in ")
                .append(zone.getId())
                .append(window.equals(BestTimes.defaultWindow(channel)) ? " (the usual hours there)"
                        : " (learned from this workspace's own published posts)");
        if (queue && !taken.isEmpty()) {
            why.append("; after the ").append(taken.size()).append(taken.size() == 1 ? " post" : " posts")
                    .append(" of this campaign already queued there");
        } else if (!taken.isEmpty()) {
            why.append("; at least ").append(gap().toMinutes()).append(" minutes from this campaign's other ")
                    .append(channel.label()).append(" posts");
        }
        return new TimeAdvice(account.id(), at, why.append('.').toString());
    }

    Instant horizon(Instant from) {
        return from.plus(Duration.ofDays(BestTimes.MAX_DAYS + 1));
    }

    List<Instant> taken(UUID campaignId, Channel channel, Instant from, Instant to, Collection<UUID> except) {
        Collection<UUID> without = except.isEmpty() ? List.of(new UUID(0, 0)) : except;
        return channelPosts.takenTimes(campaignId, channel, from, to, without);
    }

    /**
     * Refuses a time a person chose that has passed, or that comes closer than the gap to the campaign's other posts on
     * the network: those written already (but {@code except}) and {@code alsoTaken}, the post's own earlier channels.
     */
    void requireFree(String field, Instant at, Instant now, UUID campaignId, Channel channel, List<Instant> alsoTaken,
            Collection<UUID> except) {
        SchedulingRules.refuse(SchedulingRules.notPast(field, at, now));
        List<Instant> taken = new ArrayList<>(alsoTaken);
        taken.addAll(taken(campaignId, channel, at.minus(gap()), at.plus(gap()), except));
        SchedulingRules.refuse(SchedulingRules.keepsGap(field, at, taken, channel, gap(), CurrentActor.zone()));
    }

    Duration gap() {
        return properties.minimumGap();
    }
}
