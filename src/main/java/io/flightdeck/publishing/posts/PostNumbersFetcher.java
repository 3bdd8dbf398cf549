package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.PostMetrics;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAdapters;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches published posts' numbers from their networks on a schedule (a recurring task), for analytics (as facts,
 * {@link PostFacts}) and for best times: up to {@link #BATCH} due posts a run, each asked in its own workspace, outside any transaction.
 */
@Component
class PostNumbersFetcher {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(PostNumbersFetcher.class);

    private final PostNumbersRepository numbers;
    private final ChannelPostRepository posts;
    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final PostFacts facts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PostNumbersFetcher(PostNumbersRepository numbers, ChannelPostRepository posts, ChannelAccounts accounts,
            ChannelAdapters adapters, PostFacts facts, TransactionTemplate transactions, Clock clock) {
        this.numbers = numbers;
        this.posts = posts;
        this.accounts = accounts;
        this.adapters = adapters;
        this.facts = facts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One run: answers how many posts were asked. */
    int fetchDue() {
        List<PostNumbers> due = TenantScope.system("post numbers", () -> transactions.execute(tx ->
                numbers.findDue(clock.instant(), PageRequest.of(0, BATCH))));
        for (PostNumbers n : due) {
            try {
                TenantScope.run(n.getTenantId(), () -> fetch(n));
            } catch (RuntimeException e) {
                log.warn("Numbers of channel post {} could not be fetched", n.getChannelPostId(), e);
            }
        }
        return due.size();
    }

    private void fetch(PostNumbers due) {
        ChannelPost post = transactions.execute(tx -> posts.findById(due.getChannelPostId()).orElse(null));
        if (post == null || post.getExternalId() == null || post.getPublishedAt() == null) {
            return;
        }
        ChannelAccountView account = accounts.find(List.of(post.getAccountId())).get(post.getAccountId());
        Optional<ChannelAdapter> adapter = account == null ? Optional.empty() : adapters.find(account.network());
        Optional<ChannelConnection> connection = accounts.connection(post.getAccountId());
        Instant now = clock.instant();
        PostMetrics metrics = null;
        String error = null;
        if (adapter.isEmpty() || connection.isEmpty()) {
            error = "The account was disconnected.";
        } else {
            try {
                metrics = adapter.get().metrics(connection.get(), post.getExternalId());
            } catch (ChannelException e) {
                error = e.getMessage();
            }
        }
        PostMetrics found = metrics;
        String problem = error;
        boolean simulated = adapter.isPresent() && adapter.get().simulatesNumbers();
        transactions.executeWithoutResult(tx -> {
            PostNumbers n = numbers.findById(due.getId()).orElseThrow();
            if (found != null) {
                n.fetched(found, post.getPublishedAt(), now);
                facts.record(post, found, now, simulated);
            } else {
                n.failed(problem, post.getPublishedAt(), now);
            }
            numbers.save(n);
        });
    }
}
