package io.flightdeck.assets.domain;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.media.PerceptualHash;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.Ids;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Near-duplicates: images that look alike although their bytes differ (re-encoded, resized, re-saved), found by the
 * Hamming distance between 64-bit perceptual hashes. Pairs are recorded when an image is measured, up to
 * {@link SimilarPair#CAP}; what counts as similar is the workspace's threshold at reading time.
 */
@Service
public class NearDuplicates {

    private static final int SHOWN = 20;

    private final EntityManager entityManager;
    private final SimilarPairRepository pairs;
    private final AssetRepository assets;
    private final AssetSettingsService settings;
    private final Clock clock;
    private final WorkspaceDirectory workspaces;

    NearDuplicates(EntityManager entityManager, SimilarPairRepository pairs, AssetRepository assets,
            AssetSettingsService settings, Clock clock, WorkspaceDirectory workspaces) {
        this.entityManager = entityManager;
        this.workspaces = workspaces;
        this.pairs = pairs;
        this.assets = assets;
        this.settings = settings;
        this.clock = clock;
    }


    /**
     * Records the pairs a newly measured image forms with the workspace's other images. One pass over the hashes: a
     * long compare each, so a workspace of 100,000 images costs a query and a few milliseconds per upload.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(AssetContent content) {
        if (content.getPerceptualHash() == null) {
            return;
        }
        long hash = content.getPerceptualHash();
        // Two images measured at once would each miss the other (neither hash is committed when the other looks), so
        // the workspace's measurements take turns here: the second waits for the first to commit, then sees its hash.
        workspaces.lock(TenantScope.current());
        List<Object[]> others = entityManager.createQuery(
                "select c.id, c.perceptualHash from AssetContent c where c.perceptualHash is not null and c.id <> :id",
                Object[].class).setParameter("id", content.getId()).getResultList();
        for (Object[] other : others) {
            int distance = PerceptualHash.distance(hash, (Long) other[1]);
            if (distance <= SimilarPair.CAP) {
                UUID a = content.getId();
                UUID b = (UUID) other[0];
                boolean ordered = a.compareTo(b) < 0;
                // native SQL is not covered by @TenantId: the workspace is written explicitly; a pair recorded by a
                // concurrent measurement (or before a re-measure) is kept as it is, dismissal included
                entityManager.createNativeQuery("""
                        insert into asset_similar_pairs (id, tenant_id, content_a, content_b, distance, version)
                        values (?, ?, ?, ?, ?, 0) on conflict do nothing""")
                        .setParameter(1, Ids.newId()).setParameter(2, TenantScope.current())
                        .setParameter(3, ordered ? a : b).setParameter(4, ordered ? b : a).setParameter(5, distance)
                        .executeUpdate();
            }
        }
    }

    /** Live assets that look like this one, closest first, under the workspace's threshold; not dismissed ones. */
    @Transactional(readOnly = true)
    public List<SimilarAsset> similarTo(UUID assetId) {
        Asset asset = assets.findWithContent(assetId).orElseThrow(() -> new NotFoundException("The asset"));
        if (asset.getContent() == null) {
            return List.of();
        }
        UUID content = asset.getContent().getId();
        Map<UUID, Integer> distances = new LinkedHashMap<>();
        for (SimilarPair pair : pairs.findOpen(content, settings.current().similarityThreshold())) {
            distances.putIfAbsent(pair.other(content), pair.getDistance());
        }
        if (distances.isEmpty()) {
            return List.of();
        }
        return assets.findLiveShowing(distances.keySet()).stream()
                .filter(a -> !a.getId().equals(assetId))
                .map(a -> new SimilarAsset(a.getId(), a.getName(), distances.get(a.getContent().getId())))
                .sorted(Comparator.comparingInt(SimilarAsset::distance).thenComparing(SimilarAsset::name))
                .limit(SHOWN).toList();
    }

    /** "Not a duplicate": the two assets' images are never shown as similar again, whatever the threshold. */
    @Transactional
    public void dismiss(UUID assetId, UUID otherAssetId) {
        Asset asset = assets.findWithContent(assetId).orElseThrow(() -> new NotFoundException("The asset"));
        Asset other = assets.findWithContent(otherAssetId).orElseThrow(() -> new NotFoundException("The other asset"));
        if (asset.getContent() == null || other.getContent() == null) {
            throw new InvalidInputException("otherAssetId", "only images can be near-duplicates");
        }
        UUID a = asset.getContent().getId();
        UUID b = other.getContent().getId();
        boolean ordered = a.compareTo(b) < 0;
        SimilarPair pair = pairs.findPair(ordered ? a : b, ordered ? b : a)
                .orElseThrow(() -> new NotFoundException("A similarity between these two assets"));
        pair.dismiss(CurrentActor.require().userId(), clock.instant());
    }
}
