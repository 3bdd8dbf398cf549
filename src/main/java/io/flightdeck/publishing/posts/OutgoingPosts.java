package io.flightdeck.publishing.posts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetMedia;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetIntake;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.shared.persistence.ConcurrentWrites;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A channel post's attempt as its adapter sends it: the copy, the media with their measured facts and a signed address
 * (for networks that fetch files themselves), the network's options, and the checkpoint where the adapter writes down
 * what the network named the attempt before the step that can duplicate (committed in its own transaction before the
 * adapter goes on).
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

    /** The attempt the runner sends. */
    OutgoingPost of(ChannelPost post) {
        List<UUID> ids = post.getCopy().mediaAssetIds();
        Map<UUID, AssetMedia> found = ids.isEmpty() ? Map.of() : transactions.execute(tx -> assets.media(ids));
        UUID id = post.getId();
        return attempt(post, found, ref -> record(id, ref));
    }

    /** What a preflight checks of many posts, their media read at once; nothing can be recorded through these. */
    List<OutgoingPost> forChecks(List<ChannelPost> many) {
        Set<UUID> ids = new HashSet<>();
        many.forEach(p -> ids.addAll(p.getCopy().mediaAssetIds()));
        Map<UUID, AssetMedia> found = ids.isEmpty() ? Map.of() : assets.media(ids);
        return many.stream().map(p -> attempt(p, found, ref -> {
            throw new IllegalStateException("A preflight records nothing");
        })).toList();
    }

    private OutgoingPost attempt(ChannelPost post, Map<UUID, AssetMedia> found, OutgoingPost.Checkpoint checkpoint) {
        PostCopy copy = post.getCopy();
        UUID workspace = TenantScope.require();
        List<OutgoingPost.Media> media = copy.mediaAssetIds().stream().filter(found::containsKey).map(id -> {
            AssetMedia m = found.get(id);
            return new OutgoingPost.Media(id, m.name(), m.mimeType(), m.size(), opener(workspace, id), m.width(),
                    m.height(), m.durationMillis(), m.codec(), m.audio(), m.signedUrl());
        }).toList();
        return new OutgoingPost(post.getId(), post.getAttemptKey(), copy.text(), copy.firstComment(), media,
                post.getAttemptStartedAt(), copy.networkOptions(), post.getNetworkRef(), checkpoint);
    }

    /**
     * Opens the file in the post's workspace on whatever thread asks: an HTTP client streaming a request body reads
     * it on its own threads, where no workspace is in scope.
     */
    private OutgoingPost.Opener opener(UUID workspace, UUID assetId) {
        return () -> {
            try {
                return TenantScope.call(workspace, () -> {
                    try {
                        return files.open(assetId);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }

    private void record(UUID id, String ref) {
        ConcurrentWrites.retryingOnClash(() -> transactions.execute(tx -> {
            ChannelPost p = posts.findById(id).orElseThrow();
            p.networkNamed(ref, clock.instant());
            return posts.saveAndFlush(p);
        }));
    }
}
