package io.flightdeck.assets.domain;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.search.MassIndexing;
import io.flightdeck.shared.search.MassIndexingRuns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilding the current workspace's asset search index from the database: asked for by an admin (or at start-up for
 * an empty index), run by a db-scheduler job through the mass-indexing kit ({@link MassIndexing}), which indexes every
 * asset again, its progress kept in {@code asset_search_rebuilds}.
 */
@Service
public class AssetIndexRebuilds {

    private final AssetIndexRebuildRepository rebuilds;
    private final MassIndexing massIndexing;
    private final MassIndexingRuns<AssetIndexRebuild> runs;

    AssetIndexRebuilds(AssetIndexRebuildRepository rebuilds, MassIndexing massIndexing) {
        this.rebuilds = rebuilds;
        this.massIndexing = massIndexing;
        this.runs = new MassIndexingRuns<>(rebuilds::findFirstByOrderByRequestedAtDescIdDesc, rebuilds::findById,
                rebuilds::save);
    }

    /** What {@link #request()} answers: the rebuild, and whether this request started it. */
    public record Requested(AssetIndexRebuildView rebuild, boolean started) {
    }

    /**
     * Queues a rebuild of the workspace's index; while one is queued or running, that one is the answer, so two
     * clicks cost one rebuild.
     */
    @Transactional
    public Requested request() {
        MassIndexing.Requested<AssetIndexRebuild> requested = massIndexing.request(runs, AssetIndexRebuild::new,
                AssetIndexRebuildJob.KIND);
        return new Requested(requested.run().view(), requested.started());
    }

    @Transactional(readOnly = true)
    public Optional<AssetIndexRebuildView> latest() {
        return rebuilds.findFirstByOrderByRequestedAtDescIdDesc().map(AssetIndexRebuild::view);
    }

    /** The job's work, in the rebuild's workspace scope and outside any transaction. */
    public void run(UUID rebuildId) {
        massIndexing.run(runs, rebuildId, Asset.class, "the asset search index");
    }
}
