package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The durable side of a search index rebuild: one db-scheduler task per rebuild (instance id = rebuild id), scheduled
 * in the transaction that records the rebuild, so the row and the task exist together. Its JSON data carries the
 * workspace, so the job opens the right tenant scope on whichever node runs it.
 */
@Component
public class AssetIndexRebuildSchedule {

    /** The task data: which rebuild, in which workspace. */
    public record AssetIndexRebuildTask(UUID workspaceId, UUID rebuildId) {
    }

    public static final TaskDescriptor<AssetIndexRebuildTask> TASK = TaskDescriptor.of("asset-search-rebuild",
            AssetIndexRebuildTask.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    AssetIndexRebuildSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID workspaceId, UUID rebuildId) {
        scheduler.getObject().schedule(TASK.instance(rebuildId.toString())
                .data(new AssetIndexRebuildTask(workspaceId, rebuildId)).scheduledTo(Instant.now()));
    }
}
