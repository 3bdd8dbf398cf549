package io.flightdeck.assets.domain;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The durable side of derived data: one db-scheduler task per new content (instance id = content id), scheduled in the
 * upload's transaction so it exists exactly when the content does. Its JSON data carries the workspace, so the job
 * opens the right tenant scope wherever it runs.
 */
@Component
public class DerivedDataSchedule {

    /** The task data: which content, in which workspace. */
    public record DerivedDataTask(UUID workspaceId, UUID contentId) {
    }

    public static final TaskDescriptor<DerivedDataTask> TASK = TaskDescriptor.of("asset-derived-data", DerivedDataTask.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    DerivedDataSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID workspaceId, UUID contentId) {
        scheduler.getObject().scheduleIfNotExists(TASK.instance(contentId.toString())
                .data(new DerivedDataTask(workspaceId, contentId)).scheduledTo(java.time.Instant.now()));
    }
}
