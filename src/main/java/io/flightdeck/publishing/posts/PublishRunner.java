package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.flightdeck.publishing.PostFailed;
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
 * Moves a channel post one step: waits for its time, checks the gate and claims the attempt ({@link PostClaims}),
 * sends it, records what the network answered ({@link PublishedRecords}), retries or fails. At most once on the
 * network: an attempt is committed as started, with its idempotency key, before the network is called; a post found in
 * "publishing" (the application stopped mid-call, or the call timed out) is resolved by asking the network whether the
 * attempt arrived, and is only sent again when the network says it did not. When the network cannot tell, the post is
 * in doubt and waits for a person.
 */
@Component
class PublishRunner {

    private static final Logger log = LoggerFactory.getLogger(PublishRunner.class);

    private final ChannelPostRepository posts;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final OutgoingPosts outgoing;
    private final PublishingProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CrashPoints crashPoints;
    private final IndexWrites index;
    private final PostClaims claims;
    private final PublishedRecords records;

    PublishRunner(ChannelPostRepository posts, ChannelAccounts accounts, ChannelAdapters adapters,
            OutgoingPosts outgoing, PublishingProperties properties, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, CrashPoints crashPoints, IndexWrites index,
            PostClaims claims, PublishedRecords records) {
        this.posts = posts;
        this.accounts = accounts;
        this.adapters = adapters;
        this.outgoing = outgoing;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.crashPoints = crashPoints;
        this.index = index;
        this.claims = claims;
        this.records = records;
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
        // a person's write during the claim's transaction clashes with it: the step starts again from what they left
        PostClaims.Next next = ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx ->
                claims.next(channelPostId, runDueSince)));
        if (next instanceof PostClaims.Send send) {
            return send(send.post(), send.account(), send.attempt());
        }
        if (next instanceof PostClaims.Recover recover) {
            return recover(recover.post());
        }
        if (next instanceof PostClaims.ForPerson forPerson) {
            needsPerson(forPerson.post());
            return Optional.empty();
        }
        return ((PostClaims.Wait) next).until();
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
        Asking asking = asking(post);
        if (asking == null) {
            return inDoubt(post.getId(), "The attempt was interrupted and the account can no longer be asked whether "
                    + "it arrived.");
        }
        ChannelAccountView account = asking.account();
        Lookup lookup;
        try {
            lookup = asking.adapter().lookup(asking.connection(), outgoing.of(post), post.getAttemptStartedAt());
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
        Asking asking = asking(post);
        if (asking == null) {
            return false;
        }
        Lookup lookup;
        try {
            lookup = asking.adapter().lookup(asking.connection(), outgoing.of(post), post.getAttemptStartedAt());
        } catch (ChannelException e) {
            log.info("Channel post {} in doubt: {} could not be asked again: {}", channelPostId,
                    asking.adapter().network(), e.getMessage());
            return false;
        }
        if (lookup.found() != Lookup.Found.FOUND) {
            return false;
        }
        try {
            published(channelPostId, asking.account(), lookup.post());
            return true;
        } catch (ConflictException settledMeanwhile) {
            return false; // a person settled it while the network was asked
        }
    }

    /** What asking a network about a post's attempt takes. */
    private record Asking(ChannelAccountView account, ChannelAdapter adapter, ChannelConnection connection) {
    }

    /** Null when the account was removed, its network is no longer offered or it was disconnected. */
    private Asking asking(ChannelPost post) {
        ChannelAccountView account = accounts.find(List.of(post.getAccountId())).get(post.getAccountId());
        ChannelAdapter adapter = account == null ? null : adapters.find(account.network()).orElse(null);
        Optional<ChannelConnection> connection = accounts.connection(post.getAccountId());
        return adapter == null || connection.isEmpty() ? null : new Asking(account, adapter, connection.get());
    }

    private Optional<Instant> published(UUID id, ChannelAccountView account, PublishedPost result) {
        records.published(id, account, result);
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

    /** A change in its own transaction, read afresh after a person's write; the index is not waited for (IndexWrites). */
    private ChannelPost update(UUID id, Consumer<ChannelPost> change) {
        return ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx -> {
            index.withoutWaiting();
            ChannelPost p = posts.findById(id).orElseThrow();
            change.accept(p);
            return posts.saveAndFlush(p);
        }));
    }
}
