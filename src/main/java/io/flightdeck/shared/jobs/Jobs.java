package io.flightdeck.shared.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules, wakes and cancels workspace jobs: one execution per instance id (the id of the thing it works on),
 * written in the caller's transaction, so the row and its job exist together or not at all. The scheduler is looked
 * up when used: it is built from every task bean, and those need the modules that call this.
 */
@Component
public class Jobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** How often a wake that found its execution running tries again, and for how long. */
    private static final Duration WAKE_RETRY = Duration.ofMillis(200);
    private static final Duration WAKE_PATIENCE = Duration.ofMinutes(10);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final Map<TaskInstanceId, Instant> laterWakes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "job-wakes");
        thread.setDaemon(true);
        return thread;
    });

    Jobs(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules the object's job at {@code at} unless it already has an execution, which keeps its own time. */
    public <D extends WorkspaceTask> void schedule(JobKind<D> kind, UUID workspaceId, UUID id, Instant at) {
        scheduler.getObject().scheduleIfNotExists(kind.descriptor().instance(id.toString())
                .data(kind.data(workspaceId, id)).scheduledTo(at));
    }

    /**
     * Schedules the jobs of objects just created, in one batch: unlike {@link #schedule}, an id that already has an
     * execution fails the batch, so only use it for ids this transaction made.
     */
    public <D extends WorkspaceTask> void scheduleNew(JobKind<D> kind, UUID workspaceId, Collection<UUID> ids,
            Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        List<TaskInstance<?>> instances = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            instances.add(kind.descriptor().instance(id.toString()).data(kind.data(workspaceId, id)).build());
        }
        scheduler.getObject().scheduleBatch(instances, at);
    }

    /**
     * Brings the instance's next run to {@code at}, scheduling it when it has none. An execution a node is running
     * cannot be moved, and its run may have read its object before the change that calls for this wake; so the wake
     * is tried again, once the caller's transaction commits, until that run has finished, and then brings the next
     * run to {@code at} or keeps an earlier one. Only the waking node remembers it: if that node dies meanwhile, the
     * job keeps the time its run chose (a post's recheck, a send's next batch).
     */
    public <D extends WorkspaceTask> void wake(JobKind<D> kind, UUID workspaceId, UUID id, Instant at) {
        if (tryWake(kind, workspaceId, id, at, false)) {
            return;
        }
        log.debug("{} {} is running; woken again when its run ends", kind.name(), id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeLater(kind, workspaceId, id, at);
                }
            });
        } else {
            wakeLater(kind, workspaceId, id, at);
        }
    }

    /** Whether the instance's next run is now at {@code at} (or earlier, if {@code keepEarlier}); false while it runs. */
    private <D extends WorkspaceTask> boolean tryWake(JobKind<D> kind, UUID workspaceId, UUID id, Instant at,
            boolean keepEarlier) {
        TaskInstanceId instance = kind.instanceId(id.toString());
        SchedulerClient client = scheduler.getObject();
        Optional<ScheduledExecution<Object>> execution = client.getScheduledExecution(instance);
        if (execution.isEmpty()) {
            schedule(kind, workspaceId, id, at);
            return true;
        }
        if (keepEarlier && !execution.get().isPicked() && !execution.get().getExecutionTime().isAfter(at)) {
            return true;
        }
        try {
            client.reschedule(instance, at);
            return true;
        } catch (TaskInstanceException running) {
            // picked by a node (or removed since the look-up): tried again later
            return false;
        }
    }

    private <D extends WorkspaceTask> void wakeLater(JobKind<D> kind, UUID workspaceId, UUID id, Instant at) {
        TaskInstanceId instance = kind.instanceId(id.toString());
        boolean[] first = {false};
        laterWakes.compute(instance, (key, waiting) -> {
            first[0] = waiting == null;
            return waiting != null && waiting.isBefore(at) ? waiting : at;
        });
        if (!first[0]) {
            return; // a wake of this instance already waits; it now brings the run to the earlier of the two times
        }
        retryWake(kind, workspaceId, id, instance, System.nanoTime() + WAKE_PATIENCE.toNanos());
    }

    private <D extends WorkspaceTask> void retryWake(JobKind<D> kind, UUID workspaceId, UUID id,
            TaskInstanceId instance, long giveUpAt) {
        retries.schedule(() -> {
            Instant at = laterWakes.get(instance);
            boolean done;
            try {
                done = tryWake(kind, workspaceId, id, at, true);
            } catch (RuntimeException e) {
                log.debug("{} {}: could not wake it yet", kind.name(), id, e);
                done = false;
            }
            if (done && !laterWakes.remove(instance, at)) {
                done = false; // an earlier wake came meanwhile: bring the run to that one too
            }
            if (done || System.nanoTime() - giveUpAt > 0) {
                if (!done) {
                    laterWakes.remove(instance);
                    log.info("{} {} ran for over {}; it keeps the next time its run chose", kind.name(), id,
                            WAKE_PATIENCE);
                }
                return;
            }
            retryWake(kind, workspaceId, id, instance, giveUpAt);
        }, WAKE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }

    /** Drops the instance's execution if it has one; one that is running finishes and finds nothing left to do. */
    public void cancel(JobKind<?> kind, UUID id) {
        TaskInstanceId instance = kind.instanceId(id.toString());
        SchedulerClient client = scheduler.getObject();
        if (client.getScheduledExecution(instance).isEmpty()) {
            return;
        }
        try {
            client.cancel(instance);
        } catch (RuntimeException picked) {
            log.debug("{} {} is running and cannot be cancelled; it checks its object itself", kind.name(), id);
        }
    }
}
