package io.flightdeck.shared.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Schedules, wakes and cancels workspace jobs: one execution per instance id (the id of the thing it works on),
 * written in the caller's transaction, so the row and its job exist together or not at all. The scheduler is looked
 * up when used: it is built from every task bean, and those need the modules that call this.
 */
@Component
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final ObjectProvider<SchedulerClient> scheduler;

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
     * Brings the instance's next run to {@code at}, scheduling it when it has none. An execution a node has already
     * picked cannot be moved; that is fine, because a run reads its object afresh, so the change is seen either way.
     */
    public <D extends WorkspaceTask> void wake(JobKind<D> kind, UUID workspaceId, UUID id, Instant at) {
        TaskInstanceId instance = kind.instanceId(id.toString());
        SchedulerClient client = scheduler.getObject();
        if (client.getScheduledExecution(instance).isEmpty()) {
            schedule(kind, workspaceId, id, at);
            return;
        }
        try {
            client.reschedule(instance, at);
        } catch (RuntimeException picked) {
            log.debug("{} {} is running; it reads its object afresh", kind.name(), id);
        }
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
