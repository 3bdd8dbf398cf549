package io.flightdeck.search.domain;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.search.MassIndexing;
import io.flightdeck.shared.search.MassIndexingRuns;
import io.flightdeck.shared.search.Searchable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A full reindex of the current workspace's search indexes from the database (every {@link Searchable} entity, assets
 * included): asked for by an admin, run by a db-scheduler job through the mass-indexing kit ({@link MassIndexing}),
 * its progress kept in {@code search_reindexes}. The asset library's own rebuild
 * ({@code assets.domain.AssetIndexRebuilds}) uses the same kit for its page.
 */
@Service
public class SearchReindexes {

    private final SearchReindexRepository reindexes;
    private final MassIndexing massIndexing;
    private final MassIndexingRuns<SearchReindex> runs;

    SearchReindexes(SearchReindexRepository reindexes, MassIndexing massIndexing) {
        this.reindexes = reindexes;
        this.massIndexing = massIndexing;
        this.runs = new MassIndexingRuns<>(reindexes::findFirstByOrderByRequestedAtDescIdDesc, reindexes::findById,
                reindexes::save);
    }

    /** What {@link #request()} answers: the reindex, and whether this request started it. */
    public record Requested(SearchReindexView reindex, boolean started) {
    }

    /**
     * Queues a reindex of the workspace's index; while one is queued or running, that one is the answer, so two
     * clicks cost one reindex.
     */
    @Transactional
    public Requested request() {
        MassIndexing.Requested<SearchReindex> requested = massIndexing.request(runs, SearchReindex::new,
                SearchReindexJob.KIND);
        return new Requested(requested.run().view(), requested.started());
    }

    @Transactional(readOnly = true)
    public Optional<SearchReindexView> find(UUID id) {
        return reindexes.findById(id).map(SearchReindex::view);
    }

    @Transactional(readOnly = true)
    public Optional<SearchReindexView> latest() {
        return reindexes.findFirstByOrderByRequestedAtDescIdDesc().map(SearchReindex::view);
    }

    /** The job's work, in the reindex's workspace scope and outside any transaction. */
    public void run(UUID reindexId) {
        massIndexing.run(runs, reindexId, Searchable.class, "the search indexes");
    }
}
