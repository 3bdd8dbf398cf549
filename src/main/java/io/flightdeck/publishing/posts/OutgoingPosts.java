package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetIntake;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.shared.persistence.ConcurrentWrites;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A channel post's attempt as its adapter sends it: the copy, the media with their measured facts, the network's
 * options, and the checkpoint where the adapter writes down what the network named the attempt before the step that
 * can duplicate (committed in its own transaction before the adapter goes on).
 */
@Component
class OutgoingPosts {

    private final ChannelPostRepository posts;
    private final AssetDirectory assets;
    private final AssetIntake files;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutgoingPosts(ChannelPostRepository posts, AssetDirectory assets, AssetIntake files,
            TransactionTemplate transactions, Clock clock) {
        this.posts = posts;
        this.assets = assets;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
    }

    OutgoingPost of(ChannelPost post) {
        PostCopy copy = post.getCopy();
        Map<UUID, AssetCard> cards = copy.mediaAssetIds().isEmpty() ? Map.of()
                : transactions.execute(tx -> assets.find(copy.mediaAssetIds()));
        List<OutgoingPost.Media> media = copy.mediaAssetIds().stream().filter(cards::containsKey).map(id -> {
            AssetCard card = cards.get(id);
            return new OutgoingPost.Media(id, card.name(), card.mimeType(), -1, () -> files.open(id), card.width(),
                    card.height(), null, null, null, null);
        }).toList();
        UUID id = post.getId();
        return new OutgoingPost(id, post.getAttemptKey(), copy.text(), copy.firstComment(), media,
                post.getAttemptStartedAt(), copy.networkOptions(), post.getNetworkRef(), ref -> record(id, ref));
    }

    private void record(UUID id, String ref) {
        ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx -> {
            ChannelPost p = posts.findById(id).orElseThrow();
            p.networkNamed(ref, clock.instant());
            return posts.saveAndFlush(p);
        }));
    }
}
