package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.PublishedPost;
import io.flightdeck.shared.search.IndexWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes down, in one transaction, that a post is on its network: the post's address, its numbers row, the campaign's
 * journal line and {@link PostPublished}. The runner's at-most-once rests on this commit: once it is made, nothing
 * sends the post again.
 */
@Component
class PublishedRecords {

    private final ChannelPostRepository posts;
    private final SocialPostRepository socialPosts;
    private final PostNumbersRepository numbers;
    private final CampaignJournal journal;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IndexWrites index;
    private final Clock clock;

    PublishedRecords(ChannelPostRepository posts, SocialPostRepository socialPosts, PostNumbersRepository numbers,
            CampaignJournal journal, ApplicationEventPublisher events, TransactionTemplate transactions,
            IndexWrites index, Clock clock) {
        this.posts = posts;
        this.socialPosts = socialPosts;
        this.numbers = numbers;
        this.journal = journal;
        this.events = events;
        this.transactions = transactions;
        this.index = index;
        this.clock = clock;
    }

    /** A post in doubt that is found on the network later is recorded as found, with the same record. */
    void published(UUID id, ChannelAccountView account, PublishedPost result) {
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
    }
}
