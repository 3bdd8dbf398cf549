package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import io.flightdeck.shared.persistence.ConcurrentWrites;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a network tells Flightdeck about an account's posts outside any attempt (Meta's webhooks): a new post on the
 * account, which may be one of its posts in doubt, or one of its published posts removed there. Called in the account's
 * workspace, outside transactions; both are idempotent, so a redelivered report changes nothing.
 */
@Component
public class NetworkNews {

    private final ChannelPostRepository posts;
    private final PublishRunner runner;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NetworkNews(ChannelPostRepository posts, PublishRunner runner, TransactionTemplate transactions, Clock clock) {
        this.posts = posts;
        this.runner = runner;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The network reported a new post on the account: each of its posts in doubt is asked about again through the
     * network's lookup (never settled on the report's word alone); answers how many were found and so published.
     */
    public int newPostOn(UUID accountId) {
        var inDoubt = transactions.execute(tx -> posts.findByAccountIdAndStatus(accountId, ChannelPostStatus.IN_DOUBT));
        int settled = 0;
        for (ChannelPost p : inDoubt == null ? java.util.List.<ChannelPost>of() : inDoubt) {
            if (runner.settleInDoubt(p.getId())) {
                settled++;
            }
        }
        return settled;
    }

    /**
     * The network says the post it names by one of these ids was removed there: a published post of the account's with
     * that id records it once (and its page shows it); answers how many were newly recorded.
     */
    public int removedFrom(UUID accountId, Collection<String> externalIds, String networkName) {
        if (externalIds.isEmpty()) {
            return 0;
        }
        Integer recorded = ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx -> {
            int n = 0;
            for (ChannelPost p : posts.findByAccountIdAndExternalIdIn(accountId, externalIds)) {
                if (p.removedFromNetwork(networkName, clock.instant())) {
                    posts.saveAndFlush(p);
                    n++;
                }
            }
            return n;
        }));
        return recorded == null ? 0 : recorded;
    }
}
