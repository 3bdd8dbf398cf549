package io.flightdeck.assets.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

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
 * Rebuilding the current workspace's asset search index from the database: asked for by an admin (or at start-up for
 * an empty index), run by a db-scheduler job with Hibernate Search's mass indexer, which drops the workspace's
 * documents and indexes every asset again. Its progress is written to {@code asset_search_rebuilds} about once a
 * second. Other workspaces' documents are not touched: the mass indexer works in the session's workspace.
 */
@Service
public class AssetIndexRebuilds {

    private static final Logger log = LoggerFactory.getLogger(AssetIndexRebuilds.class);
    // Two loading threads and batches of 100 keep a 2-core node answering while it rebuilds; each batch loads its
    // assets' tags, uses and spaces in a few queries (batch fetching), not one per asset.
    private static final int LOADING_THREADS = 2;
    private static final int BATCH_SIZE = 100;

    private final AssetIndexRebuildRepository rebuilds;
    private final Jobs jobs;
    private final EntityManagerFactory entityManagers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AssetIndexRebuilds(AssetIndexRebuildRepository rebuilds, Jobs jobs,
            EntityManagerFactory entityManagers, PlatformTransactionManager transactions, Clock clock) {
        this.rebuilds = rebuilds;
        this.jobs = jobs;
        this.entityManagers = entityManagers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
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
        Optional<AssetIndexRebuild> latest = rebuilds.findFirstByOrderByRequestedAtDescIdDesc();
        if (latest.isPresent() && latest.get().getStatus().isActive()) {
            return new Requested(latest.get().view(), false);
        }
        UUID by = CurrentActor.find().map(actor -> actor.userId()).orElse(null);
        AssetIndexRebuild rebuild = rebuilds.save(new AssetIndexRebuild(by, clock.instant()));
        jobs.schedule(AssetIndexRebuildJob.KIND, TenantScope.require(), rebuild.getId(), java.time.Instant.now());
        return new Requested(rebuild.view(), true);
    }

    @Transactional(readOnly = true)
    public Optional<AssetIndexRebuildView> latest() {
        return rebuilds.findFirstByOrderByRequestedAtDescIdDesc().map(AssetIndexRebuild::view);
    }

    /**
     * The job's work, in the rebuild's workspace scope and outside any transaction: the mass indexer runs on threads
     * of its own while this one writes its progress down, each write a short transaction of its own.
     */
    public void run(UUID rebuildId) {
        if (!write(rebuildId, rebuild -> rebuild.started(clock.instant()))) {
            return; // the rebuild is gone with its workspace
        }
        Progress progress = new Progress();
        EntityManager entityManager = entityManagers.createEntityManager();
        try {
            CompletableFuture<?> indexing = Search.session(entityManager).massIndexer(Asset.class)
                    .threadsToLoadObjects(LOADING_THREADS)
                    .batchSizeToLoadObjects(BATCH_SIZE)
                    .monitor(progress)
                    .start().toCompletableFuture();
            while (!awaited(indexing)) {
                write(rebuildId, rebuild -> rebuild.progressed(progress.done.sum(), progress.total));
            }
            indexing.get();
            write(rebuildId, rebuild -> rebuild.succeeded(progress.done.sum(), progress.total, clock.instant()));
            log.info("Rebuilt the asset search index of workspace {}: {} assets", TenantScope.current(), progress.done.sum());
        } catch (ExecutionException e) {
            fail(rebuildId, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(rebuildId, e);
        } catch (RuntimeException e) {
            fail(rebuildId, e);
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

    private void fail(UUID rebuildId, Throwable cause) {
        log.warn("Rebuilding the asset search index of workspace {} failed", TenantScope.current(), cause);
        write(rebuildId, rebuild -> rebuild.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                clock.instant()));
    }

    private boolean write(UUID rebuildId, Consumer<AssetIndexRebuild> change) {
        return Boolean.TRUE.equals(transaction.execute(status -> rebuilds.findById(rebuildId).map(rebuild -> {
            change.accept(rebuild);
            return true;
        }).orElse(false)));
    }

    /** What the mass indexer reports, read by the job's own thread. */
    private static final class Progress implements MassIndexingMonitor {

        final LongAdder done = new LongAdder();
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
                    started.totalCount().ifPresent(count -> total = count);
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
