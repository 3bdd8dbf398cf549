package io.flightdeck.search.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitor;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorContext;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingTypeGroupMonitorCreateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A full reindex of the current workspace's search indexes from the database (every {@link Searchable} entity, assets
 * included): asked for by an admin, run by a db-scheduler job with Hibernate Search's mass indexer, which drops the
 * workspace's documents and indexes every item again, while the job writes its progress to {@code search_reindexes}
 * about once a second. Other workspaces' documents are not touched: the mass indexer works in the session's workspace.
 * Copied from the asset library's reindex ({@code assets.domain.AssetIndexRebuilds}), which stays for its own page.
 */
@Service
public class SearchReindexes {

    private static final Logger log = LoggerFactory.getLogger(SearchReindexes.class);
    // Two loading threads and batches of 100 keep a 2-core node answering while it reindexes; each batch loads its
    // assets' tags, uses and spaces in a few queries (batch fetching), not one per asset.
    private static final int LOADING_THREADS = 2;
    private static final int BATCH_SIZE = 100;

    private final SearchReindexRepository reindexes;
    private final Jobs jobs;
    private final EntityManagerFactory entityManagers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SearchReindexes(SearchReindexRepository reindexes, Jobs jobs,
            EntityManagerFactory entityManagers, PlatformTransactionManager transactions, Clock clock) {
        this.reindexes = reindexes;
        this.jobs = jobs;
        this.entityManagers = entityManagers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
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
        Optional<SearchReindex> latest = reindexes.findFirstByOrderByRequestedAtDescIdDesc();
        if (latest.isPresent() && latest.get().getStatus().isActive()) {
            return new Requested(latest.get().view(), false);
        }
        UUID by = CurrentActor.find().map(actor -> actor.userId()).orElse(null);
        SearchReindex reindex = reindexes.save(new SearchReindex(by, clock.instant()));
        jobs.schedule(SearchReindexJob.KIND, TenantScope.require(), reindex.getId(), java.time.Instant.now());
        return new Requested(reindex.view(), true);
    }

    @Transactional(readOnly = true)
    public Optional<SearchReindexView> find(UUID id) {
        return reindexes.findById(id).map(SearchReindex::view);
    }

    @Transactional(readOnly = true)
    public Optional<SearchReindexView> latest() {
        return reindexes.findFirstByOrderByRequestedAtDescIdDesc().map(SearchReindex::view);
    }

    /**
     * The job's work, in the reindex's workspace scope and outside any transaction: the mass indexer runs on threads
     * of its own while this one writes its progress down, each write a short transaction of its own.
     */
    public void run(UUID reindexId) {
        if (!write(reindexId, reindex -> reindex.started(clock.instant()))) {
            return; // the reindex is gone with its workspace
        }
        Progress progress = new Progress();
        EntityManager entityManager = entityManagers.createEntityManager();
        try {
            CompletableFuture<?> indexing = Search.session(entityManager).massIndexer(Searchable.class)
                    .threadsToLoadObjects(LOADING_THREADS)
                    .batchSizeToLoadObjects(BATCH_SIZE)
                    .monitor(progress)
                    .start().toCompletableFuture();
            while (!awaited(indexing)) {
                write(reindexId, reindex -> reindex.progressed(progress.done.sum(), progress.total));
            }
            indexing.get();
            write(reindexId, reindex -> reindex.succeeded(progress.done.sum(), progress.total, clock.instant()));
            log.info("Reindexed the search indexes of workspace {}: {} items", TenantScope.current(), progress.done.sum());
        } catch (ExecutionException e) {
            fail(reindexId, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(reindexId, e);
        } catch (RuntimeException e) {
            fail(reindexId, e);
        } finally {
            entityManager.close();
        }
    }

    private static boolean awaited(CompletableFuture<?> indexing) throws InterruptedException, ExecutionException {
        try {
            indexing.get(1, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void fail(UUID reindexId, Throwable cause) {
        log.warn("Reindexing the search indexes of workspace {} failed", TenantScope.current(), cause);
        write(reindexId, reindex -> reindex.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                clock.instant()));
    }

    private boolean write(UUID reindexId, Consumer<SearchReindex> change) {
        return Boolean.TRUE.equals(transaction.execute(status -> reindexes.findById(reindexId).map(reindex -> {
            change.accept(reindex);
            return true;
        }).orElse(false)));
    }

    /** What the mass indexer reports, read by the job's own thread. */
    private static final class Progress implements MassIndexingMonitor {

        final LongAdder done = new LongAdder();
        // one group per entity type: the total grows as each group has counted its own
        private final java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();
        volatile Long total;

        @Override
        public MassIndexingTypeGroupMonitor typeGroupMonitor(MassIndexingTypeGroupMonitorCreateContext context) {
            return new MassIndexingTypeGroupMonitor() {
                @Override
                public void documentsIndexed(long increment) {
                    // counted in documentsAdded
                }

                @Override
                public void indexingStarted(MassIndexingTypeGroupMonitorContext started) {
                    started.totalCount().ifPresent(count -> total = counted.addAndGet(count));
                }

                @Override
                public void indexingCompleted(MassIndexingTypeGroupMonitorContext completed) {
                }
            };
        }

        @Override
        public void documentsAdded(long increment) {
            done.add(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
        }

        @Override
        public void entitiesLoaded(long increment) {
        }

        @Override
        public void indexingCompleted() {
        }
    }
}
