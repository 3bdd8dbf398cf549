package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.publishing.PostBlocked;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.shared.search.IndexWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The first half of a runner's step, in the caller's transaction: the post read, its gate checked and its attempt
 * claimed (or the post held, or found missed), so that a person's write meanwhile clashes with the claim and the step
 * starts again from what the person left, and the gate's reads share the one transaction instead of each opening its
 * own. What comes after the commit (the network call, asking about an interrupted attempt, telling a person) is
 * {@link PublishRunner}'s.
 */
@Component
class PostClaims {

    private final ChannelPostRepository posts;
    private final SocialPostRepository socialPosts;
    private final ChannelAccounts accounts;
    private final PostGate gate;
    private final OutgoingPosts outgoing;
    private final PublishingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IndexWrites index;

    PostClaims(ChannelPostRepository posts, SocialPostRepository socialPosts, ChannelAccounts accounts, PostGate gate,
            OutgoingPosts outgoing, PublishingProperties properties, ApplicationEventPublisher events, Clock clock,
            IndexWrites index) {
        this.posts = posts;
        this.socialPosts = socialPosts;
        this.accounts = accounts;
        this.gate = gate;
        this.outgoing = outgoing;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.index = index;
    }

    /** What a step does after its transaction. */
    sealed interface Next {
    }

    /** Nothing yet (empty: nothing ever again). */
    record Wait(Optional<Instant> until) implements Next {
    }

    record Send(ChannelPost post, ChannelAccountView account, OutgoingPost attempt) implements Next {
    }

    record Recover(ChannelPost post) implements Next {
    }

    record ForPerson(ChannelPost post) implements Next {
    }

    /** In the caller's transaction. */
    Next next(UUID channelPostId, Instant runDueSince) {
        ChannelPost post = posts.findById(channelPostId).orElse(null);
        if (post == null) {
            return new Wait(Optional.empty());
        }
        Instant now = clock.instant();
        return switch (post.getStatus()) {
            case SCHEDULED -> post.isDue(now) ? due(post, now, runDueSince) : new Wait(Optional.of(post.dueAt()));
            case PUBLISHING -> new Recover(post);
            default -> new Wait(Optional.empty());
        };
    }

    /**
     * A post the scheduler reached long after its time, having never tried it, is missed: late news is worse than a
     * person choosing. Lateness is counted from when this run fell due, not from the post's time, because a run a
     * node took on time and lost in a crash (put back when the node was found dead, ahead of the queue) or that
     * failed before any attempt was not reached late; those posts go out on recovery, however slow it was.
     */
    private Next due(ChannelPost post, Instant now, Instant runDueSince) {
        boolean firstTry = post.getRetries().nextAt() == null && post.getBlockedSince() == null;
        Instant lateSince = runDueSince.isAfter(post.getScheduledAt()) ? runDueSince : post.getScheduledAt();
        if (firstTry && now.isAfter(lateSince.plus(properties.missedAfter()))) {
            post.missed("Its time, " + post.getScheduledAt() + ", passed while nothing could send it: re-plan it or "
                    + "publish it now.", now);
            return new ForPerson(saved(post));
        }
        ChannelAccountView account = accounts.find(List.of(post.getAccountId())).get(post.getAccountId());
        SocialPost social = socialPosts.findById(post.getPostId()).orElse(null);
        List<PostBlocker> blockers = gate.check(post, social, account, now);
        if (!blockers.isEmpty()) {
            if (post.block(blockers, now)) {
                List<PostBlocker> forPerson = blockers.stream().filter(PostBlocker::needsPerson).toList();
                events.publishEvent(new PostBlocked(post.getTenantId(), post.getPostId(), post.getId(),
                        post.getCampaignId(), post.getChannel(), social == null ? "A post" : social.getTitle(),
                        forPerson.stream().map(PostBlocker::message).toList(), forPerson.get(0).fixLink(), now));
            }
            saved(post);
            return new Wait(Optional.of(now.plus(properties.recheck())));
        }
        post.startAttempt(now);
        ChannelPost started = saved(post);
        return new Send(started, account, outgoing.of(started));
    }

    /** Written at once, so that a clash with a person's write is found inside the step's transaction. */
    private ChannelPost saved(ChannelPost post) {
        index.withoutWaiting();
        return posts.saveAndFlush(post);
    }
}
