package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.publishing.PostBlocked;
import io.flightdeck.publishing.PostFailed;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelAdapters;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PublishedPost;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.ConcurrentWrites;
import io.flightdeck.shared.search.IndexWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves a channel post one step: waits for its time, checks the gate, sends an attempt, records what the network
 * answered, retries or fails. At most once on the network: an attempt is committed as started, with its idempotency
 * key, before the network is called; a post found in "publishing" (the application stopped mid-call, or the call timed
 * out) is resolved by asking the network whether the attempt arrived, and is only sent again when the network says
 * it did not. When the network cannot tell, the post is in doubt and waits for a person.
 */
@Component
class PublishRunner {

    private static final Logger log = LoggerFactory.getLogger(PublishRunner.class);

    private final ChannelPostRepository posts;
    private final SocialPostRepository socialPosts;
    private final PostNumbersRepository numbers;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final PostGate gate;
    private final OutgoingPosts outgoing;
    private final PublishingProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CrashPoints crashPoints;
    private final CampaignJournal journal;
    private final IndexWrites index;

    PublishRunner(ChannelPostRepository posts, SocialPostRepository socialPosts, PostNumbersRepository numbers,
            ChannelAccounts accounts, ChannelAdapters adapters, PostGate gate, OutgoingPosts outgoing,
            PublishingProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock, CrashPoints crashPoints, CampaignJournal journal, IndexWrites index) {
        this.journal = journal;
        this.index = index;
        this.posts = posts;
        this.socialPosts = socialPosts;
        this.numbers = numbers;
        this.accounts = accounts;
        this.adapters = adapters;
        this.gate = gate;
        this.outgoing = outgoing;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.crashPoints = crashPoints;
    }

    /** One step of a run due since the post's own time; answers when the next is due, or empty when done. */
    Optional<Instant> step(UUID channelPostId) {
        return step(channelPostId, Instant.MIN);
    }

    /**
     * One step; answers when the next is due, or empty when the post needs no more steps.
     *
     * @param runDueSince since when the scheduler has owed this run: a run revived after a dead node (or retried
     *                    after a failure) is owed only since then, so a slow recovery never makes a post missed
     */
    Optional<Instant> step(UUID channelPostId, Instant runDueSince) {
        // the post, its gate and the claim of its attempt in one transaction: a person's write meanwhile clashes with
        // the claim, and the step starts again from what the person left
        Next next = ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx -> next(channelPostId, runDueSince)));
        if (next instanceof Send send) {
            return send(send.post(), send.account(), send.attempt());
        }
        if (next instanceof Recover recover) {
            return recover(recover.post());
        }
        if (next instanceof ForPerson forPerson) {
            needsPerson(forPerson.post());
            return Optional.empty();
        }
        return ((Wait) next).until();
    }

    /** What a step does after its transaction. */
    private sealed interface Next {
    }

    /** Nothing yet (empty: nothing ever again). */
    private record Wait(Optional<Instant> until) implements Next {
    }

    private record Send(ChannelPost post, ChannelAccountView account, OutgoingPost attempt) implements Next {
    }

    private record Recover(ChannelPost post) implements Next {
    }

    private record ForPerson(ChannelPost post) implements Next {
    }

    private Next next(UUID channelPostId, Instant runDueSince) {
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

    /** db-scheduler gave up on a step that kept throwing: a post mid-attempt is in doubt, any other fails. */
    void stepKeptFailing(UUID channelPostId, String cause) {
        ChannelPost p = update(channelPostId, post -> {
            if (post.getStatus() == ChannelPostStatus.PUBLISHING) {
                post.inDoubt("The attempt could not be checked: " + cause, clock.instant());
            } else if (post.getStatus() == ChannelPostStatus.SCHEDULED) {
                post.startAttempt(clock.instant());
                post.attemptFailed("runner-error", "The post could not be processed: " + cause, false,
                        properties.retryPause(), null, clock.instant());
            }
        });
        if (p != null && p.getStatus().needsPerson()) {
            needsPerson(p);
        }
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

    private Optional<Instant> send(ChannelPost post, ChannelAccountView account, OutgoingPost attempt) {
        ChannelAdapter adapter = adapters.find(account.network()).orElse(null);
        Optional<ChannelConnection> connection = accounts.connection(post.getAccountId());
        if (adapter == null || connection.isEmpty()) {
            return fail(post.getId(), "channel-unavailable", adapter == null
                    ? "This installation no longer posts to " + account.networkName() + "."
                    : "The account was disconnected.", false, null);
        }
        PublishedPost result;
        crashPoints.reached("before-call", post.getId());
        try {
            result = adapter.publish(connection.get(), attempt);
        } catch (ChannelException e) {
            return switch (e.kind()) {
                case UNKNOWN_OUTCOME -> recover(read(post.getId()));
                case UNAUTHORIZED -> {
                    accounts.markBroken(post.getAccountId(), e.getMessage());
                    yield fail(post.getId(), e.code(), e.getMessage(), false, null);
                }
                case REFUSED -> fail(post.getId(), e.code(), e.getMessage(), false, null);
                case RATE_LIMITED -> waitAsAsked(post, e);
                case RETRYABLE -> fail(post.getId(), e.code(), e.getMessage(), true, e.retryAfter());
            };
        } catch (RuntimeException e) {
            // an adapter that broke mid-call may have posted: ask before anything is sent again; when it did not, the
            // attempt failed and counts, so a fault that repeats is retried after pauses, never in a tight loop
            log.warn("Channel post {}: {} failed unexpectedly; checking whether it arrived", post.getId(),
                    adapter.network(), e);
            return recover(read(post.getId()), "The attempt failed unexpectedly (" + e + ")");
        }
        crashPoints.reached("after-call", post.getId());
        return published(post.getId(), account, result);
    }

    /** A post found in "publishing": whether its attempt arrived decides what happens, never a blind resend. */
    private Optional<Instant> recover(ChannelPost post) {
        return recover(post, null);
    }

    /** @param failure why the attempt broke off, when it failed rather than went unanswered; null otherwise */
    private Optional<Instant> recover(ChannelPost post, String failure) {
        if (post == null || post.getStatus() != ChannelPostStatus.PUBLISHING) {
            return Optional.empty();
        }
        ChannelAccountView account = accounts.find(List.of(post.getAccountId())).get(post.getAccountId());
        ChannelAdapter adapter = account == null ? null : adapters.find(account.network()).orElse(null);
        Optional<ChannelConnection> connection = accounts.connection(post.getAccountId());
        if (adapter == null || connection.isEmpty()) {
            return inDoubt(post.getId(), "The attempt was interrupted and the account can no longer be asked whether "
                    + "it arrived.");
        }
        Lookup lookup;
        try {
            lookup = adapter.lookup(connection.get(), outgoing.of(post), post.getAttemptStartedAt());
        } catch (ChannelException e) {
            if (e.retryable()) {
                Duration wait = e.retryAfter() != null ? e.retryAfter() : properties.retryPause();
                update(post.getId(), p -> p.log("warn", "Could not check whether the attempt arrived: "
                        + e.getMessage(), clock.instant()));
                return Optional.of(clock.instant().plus(wait));
            }
            return inDoubt(post.getId(), "The attempt was interrupted and " + account.networkName()
                    + " could not be asked whether it arrived: " + e.getMessage());
        }
        return switch (lookup.found()) {
            case FOUND -> {
                update(post.getId(), p -> p.log("info", "Found the interrupted attempt on the network", clock.instant()));
                yield published(post.getId(), account, lookup.post());
            }
            case NOT_FOUND -> {
                if (failure != null) {
                    yield fail(post.getId(), "adapter-error", failure + "; it did not reach the network.", true, null);
                }
                update(post.getId(), p -> p.notReceived(clock.instant()));
                yield Optional.of(clock.instant());
            }
            case UNKNOWN -> inDoubt(post.getId(), "The attempt was interrupted and " + account.networkName()
                    + " cannot tell whether it arrived: check the account, then mark it published or send it again.");
        };
    }

    /**
     * A post in doubt asked about again because its network reported a new post on the account (a webhook): the same
     * lookup as after an interrupted attempt, and only its FOUND settles the post, published as if it had been
     * answered. Not there, or still impossible to tell: the post stays for a person, since nothing but a person may
     * send an attempt in doubt again. Answers whether it was settled.
     */
    boolean settleInDoubt(UUID channelPostId) {
        ChannelPost post = read(channelPostId);
        if (post == null || post.getStatus() != ChannelPostStatus.IN_DOUBT) {
            return false;
        }
        ChannelAccountView account = accounts.find(List.of(post.getAccountId())).get(post.getAccountId());
        ChannelAdapter adapter = account == null ? null : adapters.find(account.network()).orElse(null);
        Optional<ChannelConnection> connection = accounts.connection(post.getAccountId());
        if (adapter == null || connection.isEmpty()) {
            return false;
        }
        Lookup lookup;
        try {
            lookup = adapter.lookup(connection.get(), outgoing.of(post), post.getAttemptStartedAt());
        } catch (ChannelException e) {
            log.info("Channel post {} in doubt: {} could not be asked again: {}", channelPostId, adapter.network(),
                    e.getMessage());
            return false;
        }
        if (lookup.found() != Lookup.Found.FOUND) {
            return false;
        }
        try {
            published(channelPostId, account, lookup.post());
            return true;
        } catch (ConflictException settledMeanwhile) {
            return false; // a person settled it while the network was asked
        }
    }

    private Optional<Instant> published(UUID id, ChannelAccountView account, PublishedPost result) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            index.withoutWaiting();
            ChannelPost p = posts.findById(id).orElseThrow();
            if (p.getStatus() == ChannelPostStatus.IN_DOUBT) {
                p.foundOnNetworkLater(result.externalId(), result.url(), result.commentId(), now);
            } else {
                p.published(result.externalId(), result.url(), result.commentId(), now);
            }
            posts.saveAndFlush(p);
            numbers.save(new PostNumbers(p.getId(), now));
            SocialPost social = socialPosts.findById(p.getPostId()).orElseThrow();
            journal.record(p.getCampaignId(), "post-published:" + p.getId(), null, "Flightdeck", "post.published",
                    "published “" + social.getTitle() + "” on " + account.displayName() + " (" + p.getChannel().label()
                            + ")", now);
            events.publishEvent(new PostPublished(p.getTenantId(), p.getPostId(), p.getId(), p.getCampaignId(),
                    social.getCreativeId(), p.getChannel(), account.network(), result.externalId(), result.url(), now));
        });
        crashPoints.reached("after-record", id);
        return Optional.empty();
    }

    private Optional<Instant> fail(UUID id, String code, String message, boolean retryable, Duration retryAfter) {
        ChannelPost p = update(id, post -> post.attemptFailed(code, message, retryable, properties.retryPause(),
                retryAfter, clock.instant()));
        if (p.getStatus() == ChannelPostStatus.SCHEDULED) {
            return Optional.of(p.dueAt());
        }
        needsPerson(p);
        return Optional.empty();
    }

    /**
     * A rate limit holds the post as long as the network asks without using a retry, while the post is no later than
     * the missed-after window past its time; past it, a wait counts as a failed attempt, so a post that cannot get
     * through ends on the dead-letter list instead of going out hours late.
     */
    private Optional<Instant> waitAsAsked(ChannelPost post, ChannelException e) {
        Instant now = clock.instant();
        if (now.isAfter(post.getScheduledAt().plus(properties.missedAfter()))) {
            return fail(post.getId(), e.code(), e.getMessage(), true, e.retryAfter());
        }
        Duration wait = e.retryAfter() != null ? e.retryAfter() : properties.retryPause();
        return Optional.of(update(post.getId(), p -> p.rateLimited(e.code(), e.getMessage(), wait, now)).dueAt());
    }

    private Optional<Instant> inDoubt(UUID id, String why) {
        ChannelPost p = update(id, post -> post.inDoubt(why, clock.instant()));
        needsPerson(p);
        return Optional.empty();
    }

    private void needsPerson(ChannelPost p) {
        events.publishEvent(new PostFailed(p.getTenantId(), p.getPostId(), p.getId(), p.getCampaignId(), p.getChannel(),
                p.getStatus().name(), p.getErrorCode(), p.getErrorMessage(), clock.instant()));
    }

    private ChannelPost read(UUID id) {
        return transactions.execute(tx -> posts.findById(id).orElse(null));
    }

    /**
     * Applies a change in its own transaction, reading the post afresh if a person wrote it meanwhile. The index gets
     * the change without the commit waiting for it: two such waits a post were most of a burst's time (PostIndexRepair).
     */
    private ChannelPost update(UUID id, Consumer<ChannelPost> change) {
        return ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx -> {
            index.withoutWaiting();
            ChannelPost p = posts.findById(id).orElseThrow();
            change.accept(p);
            return posts.saveAndFlush(p);
        }));
    }
}
