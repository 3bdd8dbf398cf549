package io.flightdeck.shared.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mass-indexing kit: indexing the current workspace's documents of some types again from the database, as a
 * db-scheduler job with a visible progress. A module keeps its runs in a table of its own (a {@link MassIndexingRun}
 * subclass, its repository handed over as {@link MassIndexingRuns}), asks with {@link #request} and runs its job with
 * {@link #run}. Hibernate Search's mass indexer drops the workspace's documents and indexes every item again while
 * the job writes its progress to the run about once a second. Other workspaces' documents are not touched: the mass
 * indexer works in the session's workspace.
 */
@Component
public class MassIndexing {

    private static final Logger log = LoggerFactory.getLogger(MassIndexing.class);
    // Two loading threads and batches of 100 keep a 2-core node answering while it reindexes; each batch loads its
    // items' associations in a few queries (batch fetching), not one per item.
    private static final int LOADING_THREADS = 2;
    private static final int BATCH_SIZE = 100;

    private final Jobs jobs;
    private final EntityManagerFactory entityManagers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MassIndexing(Jobs jobs, EntityManagerFactory entityManagers, PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.entityManagers = entityManagers;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What {@link #request} answers: the run, and whether this request started it. */
    public record Requested<R extends MassIndexingRun>(R run, boolean started) {
    }

    /**
     * Queues a run and its job (instance id = run id) in one transaction, so the row and the job exist together;
     * while one is queued or running, that one is the answer, so two clicks cost one run.
     *
     * @param newRun the module's run row, from who asked (null: the application) and when
     */
    @Transactional
    public <R extends MassIndexingRun, D extends WorkspaceTask> Requested<R> request(MassIndexingRuns<R> runs,
            BiFunction<UUID, Instant, R> newRun, JobKind<D> kind) {
        Optional<R> latest = runs.latest().get();
        if (latest.isPresent() && latest.get().getStatus().isActive()) {
            return new Requested<>(latest.get(), false);
        }
        UUID by = CurrentActor.find().map(actor -> actor.userId()).orElse(null);
        R run = runs.save().apply(newRun.apply(by, clock.instant()));
        jobs.schedule(kind, TenantScope.require(), run.getId(), Instant.now());
        return new Requested<>(run, true);
    }

    /**
     * The job's work, in the run's workspace scope and outside any transaction: the mass indexer runs on threads of
     * its own while this one writes its progress down, each write a short transaction of its own.
     *
     * @param indexed the indexed type (or supertype) whose documents are indexed again
     * @param what    what is indexed, for the log ("the asset search index")
     */
    public <R extends MassIndexingRun> void run(MassIndexingRuns<R> runs, UUID runId, Class<?> indexed,
            String what) {
        if (!write(runs, runId, run -> run.started(clock.instant()))) {
            return; // the run is gone with its workspace
        }
        MassIndexingProgress progress = new MassIndexingProgress();
        EntityManager entityManager = entityManagers.createEntityManager();
        try {
            CompletableFuture<?> indexing = Search.session(entityManager).massIndexer(indexed)
                    .threadsToLoadObjects(LOADING_THREADS)
                    .batchSizeToLoadObjects(BATCH_SIZE)
                    .monitor(progress)
                    .start().toCompletableFuture();
            while (!awaited(indexing)) {
                write(runs, runId, run -> run.progressed(progress.done(), progress.total()));
            }
            indexing.get();
            write(runs, runId, run -> run.succeeded(progress.done(), progress.total(), clock.instant()));
            log.info("Indexed {} of workspace {} again: {} items", what, TenantScope.current(), progress.done());
        } catch (ExecutionException e) {
            fail(runs, runId, what, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(runs, runId, what, e);
        } catch (RuntimeException e) {
            fail(runs, runId, what, e);
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

    private <R extends MassIndexingRun> void fail(MassIndexingRuns<R> runs, UUID runId, String what,
            Throwable cause) {
        log.warn("Indexing {} of workspace {} again failed", what, TenantScope.current(), cause);
        write(runs, runId, run -> run.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                clock.instant()));
    }

    private <R extends MassIndexingRun> boolean write(MassIndexingRuns<R> runs, UUID runId,
            Consumer<R> change) {
        return Boolean.TRUE.equals(transaction.execute(status -> runs.find().apply(runId).map(run -> {
            change.accept(run);
            return true;
        }).orElse(false)));
    }
}
