package io.flightdeck.publishing.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in sandbox network, the default that runs offline: it records what would have been posted (text, first
 * comment, the files attached) once per idempotency key, shows it as its network would, and answers lookups by key.
 * An account stands in for any social channel, and its settings make it fail, refuse, limit the rate, reject the
 * token or time out after the post arrived, so every path of the scheduler can be tried without a network; they can
 * also give it a network's posting limit, so the check of a campaign's week before launch can be tried offline. Its
 * numbers grow with a post's age, the same for the same post every time.
 */
@Component
public class SandboxChannel implements ChannelAdapter {

    public static final String NETWORK = "sandbox";
    static final String MODE = "mode";
    static final String LOOKUP = "lookup";
    /** The network's posting limit to emulate: posts in any 24 hours (absent: none). */
    static final String POSTS_PER_DAY = "postsPerDay";

    private final SandboxPostRepository posts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SandboxChannel(SandboxPostRepository posts, TransactionTemplate transactions, Clock clock) {
        this.posts = posts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String displayName() {
        return "Sandbox";
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.of(Channel.FACEBOOK, Channel.INSTAGRAM, Channel.LINKEDIN, Channel.TWITTER, Channel.TIKTOK,
                Channel.YOUTUBE);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public PublishedPost publish(ChannelConnection account, OutgoingPost post) {
        SandboxMode mode = mode(account);
        ChannelException refusal = mode.before();
        if (refusal != null) {
            throw refusal;
        }
        if (mode == SandboxMode.BREAK) {
            // not a ChannelException: what a fault in an adapter looks like to the runner
            throw new IllegalStateException("The sandbox adapter broke off (the account is set to break).");
        }
        SandboxPost stored = record(account, post);
        if (mode == SandboxMode.TIMEOUT) {
            throw new ChannelException(ChannelException.Kind.UNKNOWN_OUTCOME, "sandbox-timeout",
                    "The sandbox network did not answer in time (the account is set to time out).");
        }
        return published(stored);
    }

    /** The posting limit the account's settings give it, with what it published in the last 24 hours. */
    @Override
    public PostingLimits limits(ChannelConnection account) {
        Object limit = account.settings().get(POSTS_PER_DAY);
        if (limit == null) {
            return PostingLimits.NONE;
        }
        Instant now = clock.instant();
        long used = transactions.execute(tx -> posts.countByAccountIdAndPostedAtAfter(account.accountId(),
                now.minus(Duration.ofHours(24))));
        return new PostingLimits(Integer.valueOf(limit.toString()), (int) used, java.util.Map.of(), List.of());
    }

    @Override
    public Lookup lookup(ChannelConnection account, OutgoingPost post, Instant since) {
        if ("unknown".equals(account.settings().get(LOOKUP))) {
            return Lookup.unknown();
        }
        return transactions.execute(tx -> posts.findByAccountIdAndIdempotencyKey(account.accountId(), post.idempotencyKey()))
                .map(p -> Lookup.found(published(p))).orElseGet(Lookup::notFound);
    }

    @Override
    public boolean simulatesNumbers() {
        return true;
    }

    @Override
    public PostMetrics metrics(ChannelConnection account, String externalId) {
        SandboxPost post = transactions.execute(tx -> posts.findById(UUID.fromString(externalId)).orElse(null));
        if (post == null) {
            throw new ChannelException(ChannelException.Kind.REFUSED, "sandbox-not-found", "No such sandbox post.");
        }
        return SandboxNumbers.at(post.getId(), Duration.between(post.getPostedAt(), clock.instant()));
    }

    private SandboxPost record(ChannelConnection account, OutgoingPost post) {
        List<SandboxPost.SandboxMedia> media = post.media().stream()
                .map(m -> new SandboxPost.SandboxMedia(m.assetId(), m.fileName(), m.mimeType(), m.size())).toList();
        try {
            return transactions.execute(tx -> posts.findByAccountIdAndIdempotencyKey(account.accountId(), post.idempotencyKey())
                    .orElseGet(() -> posts.saveAndFlush(new SandboxPost(account.accountId(), post.idempotencyKey(),
                            post.text(), post.firstComment(), media, clock.instant()))));
        } catch (DataIntegrityViolationException sameKeyMeanwhile) {
            // the same key sent twice at once: the network keeps the first
            return transactions.execute(tx -> posts.findByAccountIdAndIdempotencyKey(account.accountId(),
                    post.idempotencyKey()).orElseThrow());
        }
    }

    private static PublishedPost published(SandboxPost p) {
        return new PublishedPost(p.getId().toString(), "/channels/sandbox/posts/" + p.getId(),
                p.getFirstComment() == null ? null : p.getId() + ":comment");
    }

    static SandboxMode mode(ChannelConnection account) {
        Object mode = account.settings().get(MODE);
        if (mode == null) {
            return SandboxMode.NORMAL;
        }
        try {
            return SandboxMode.valueOf(mode.toString());
        } catch (IllegalArgumentException unknown) {
            return SandboxMode.NORMAL;
        }
    }
}
