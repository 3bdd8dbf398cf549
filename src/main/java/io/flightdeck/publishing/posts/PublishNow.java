package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publish now: a person asks a scheduled, failed or missed post to go at once. It goes only when nothing holds it:
 * a post waiting for an approval, a broken account or an asset's rights is refused (409 {@code post-waiting}) with
 * what it waits for, rather than told it is publishing and left waiting. It keeps the campaign's minimum gap to its
 * other posts on the network: when one is too near, it goes at the first moment the gap allows, and says when,
 * unless the person asks for now whatever the gap ({@code keepGap} false: a deliberate burst, such as a correction).
 */
@Service
@Transactional
public class PublishNow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final EnumSet<ChannelPostStatus> MAY_GO = EnumSet.of(ChannelPostStatus.SCHEDULED,
            ChannelPostStatus.FAILED, ChannelPostStatus.MISSED);

    private final SocialPostRepository posts;
    private final ChannelPostRepository channelPosts;
    private final SocialPostReader reader;
    private final ChannelAccounts accounts;
    private final PostGate gate;
    private final PostTimes times;
    private final Jobs jobs;
    private final Clock clock;

    PublishNow(SocialPostRepository posts, ChannelPostRepository channelPosts, SocialPostReader reader,
            ChannelAccounts accounts, PostGate gate, PostTimes times, Jobs jobs, Clock clock) {
        this.posts = posts;
        this.channelPosts = channelPosts;
        this.reader = reader;
        this.accounts = accounts;
        this.gate = gate;
        this.times = times;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** What was done, for the person who asked: publishing now, or when, to keep the gap. */
    public record Outcome<T>(T view, String words) {
    }

    /** One channel of a post, keeping the gap. */
    public Outcome<ChannelPostView> channel(UUID channelPostId) {
        return channel(channelPostId, true);
    }

    /** One channel of a post; {@code keepGap} false sends it now whatever the campaign's other posts there. */
    public Outcome<ChannelPostView> channel(UUID channelPostId, boolean keepGap) {
        ChannelPost p = channelPosts.findById(channelPostId).orElseThrow(() -> new NotFoundException("Channel post"));
        ChannelPostMove.PUBLISH.requireFrom(p.getStatus());
        SocialPost post = posts.findById(p.getPostId()).orElseThrow();
        Map<ChannelPost, Instant> when = plan(post, List.of(p), keepGap);
        ChannelPost saved = channelPosts.saveAndFlush(p);
        wake(List.of(saved));
        return new Outcome<>(reader.view(saved), words(when));
    }

    /** Every channel of a post that may go, keeping the gap; the others stay as they are. */
    public Outcome<SocialPostView> post(UUID postId) {
        return post(postId, true);
    }

    /** Every channel of a post that may go; {@code keepGap} false sends them now whatever the gap. */
    public Outcome<SocialPostView> post(UUID postId, boolean keepGap) {
        SocialPost post = posts.findById(postId).orElseThrow(() -> new NotFoundException("Post"));
        List<ChannelPost> channels = channelPosts.findByPostId(postId);
        List<ChannelPost> going = channels.stream().filter(c -> MAY_GO.contains(c.getStatus())).toList();
        if (going.isEmpty()) {
            throw new ConflictException("illegal-post-transition", "Nothing in this post waits to be published.");
        }
        Map<ChannelPost, Instant> when = plan(post, going, keepGap);
        channelPosts.flush();
        wake(going);
        return new Outcome<>(reader.view(post, channels), words(when));
    }

    /** Refuses when any channel is held (before any moves), then moves each to now or the gap's first free moment. */
    private Map<ChannelPost, Instant> plan(SocialPost post, List<ChannelPost> going, boolean keepGap) {
        Instant now = clock.instant();
        Map<UUID, ChannelAccountView> byId = accounts.find(going.stream().map(ChannelPost::getAccountId).toList());
        List<String> waits = new ArrayList<>();
        for (ChannelPost c : going) {
            gate.check(c, post, byId.get(c.getAccountId()), now).stream().map(PostBlocker::message)
                    .filter(m -> !waits.contains(m)).forEach(waits::add);
        }
        if (!waits.isEmpty()) {
            throw new ConflictException("post-waiting", "It cannot go now: " + String.join(" ", waits)
                    + " It goes out by itself at its time once that is done.", Map.of("waitingFor", waits));
        }
        Map<ChannelPost, Instant> when = new LinkedHashMap<>();
        for (ChannelPost c : going) {
            List<Instant> taken = times.taken(c.getCampaignId(), c.getChannel(), now.minus(times.gap()),
                    times.horizon(now), List.of(c.getId()));
            Instant at = keepGap ? firstFree(now, taken) : now;
            c.publishNow(at, now);
            when.put(c, at);
        }
        return when;
    }

    /** The first moment from {@code now} at least the gap from every taken time. */
    private Instant firstFree(Instant now, List<Instant> taken) {
        Instant at = now;
        for (Instant t : taken.stream().sorted().toList()) {
            if (t.isAfter(at.minus(times.gap())) && t.isBefore(at.plus(times.gap()))) {
                at = t.plus(times.gap());
            }
        }
        return at;
    }

    private void wake(List<ChannelPost> going) {
        for (ChannelPost c : going) {
            jobs.wake(PostJobs.CHANNEL_POST, TenantScope.require(), c.getId(), c.dueAt());
        }
    }

    private String words(Map<ChannelPost, Instant> when) {
        Instant now = clock.instant();
        ZoneId zone = CurrentActor.zone();
        List<String> later = new ArrayList<>();
        when.forEach((c, at) -> {
            if (at.isAfter(now)) {
                later.add(c.getChannel().label() + " at " + TIME.format(at.atZone(zone)));
            }
        });
        return later.isEmpty() ? "Publishing now." : "Publishing " + String.join(", ", later) + ", keeping "
                + times.gap().toMinutes() + " minutes from this campaign's other posts there"
                + (later.size() < when.size() ? "; the rest now." : ".");
    }
}
