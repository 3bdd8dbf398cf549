package io.flightdeck.assets.imports;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The durable side of an import: one db-scheduler task per import (instance id = import id), scheduled in the
 * transaction that creates the import. Its JSON data carries the workspace, so the job opens the right tenant scope
 * wherever it runs. The scheduler is looked up when needed: it is built from every task bean, this one's among them.
 */
@Component
class ImportSchedule {

    /** The task data: which import, in which workspace. */
    public record ImportTaskData(UUID workspaceId, UUID importId) {
    }

    static final TaskDescriptor<ImportTaskData> TASK = TaskDescriptor.of("asset-import", ImportTaskData.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    ImportSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID workspaceId, UUID importId) {
        scheduler.getObject().scheduleIfNotExists(TASK.instance(importId.toString())
                .data(new ImportTaskData(workspaceId, importId)).scheduledTo(Instant.now()));
    }
}
