package io.flightdeck.rendering.jobs;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The durable side of a job: one db-scheduler execution per job (instance id = job id), scheduled in the transaction
 * that queues the job and rescheduled by each step for the next. Its JSON data carries the workspace, so the step
 * opens the right tenant scope wherever it runs. A node killed mid-step leaves a dead execution that another node (or
 * this one, restarted) revives.
 */
@Component
class RenderSchedule {

    /** The task data: which job, in which workspace. */
    public record RenderTaskData(UUID workspaceId, UUID jobId) {
    }

    static final TaskDescriptor<RenderTaskData> TASK = TaskDescriptor.of("render-job", RenderTaskData.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    RenderSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID workspaceId, UUID jobId, Instant at) {
        scheduler.getObject().scheduleIfNotExists(TASK.instance(jobId.toString())
                .data(new RenderTaskData(workspaceId, jobId)).scheduledTo(at));
    }

    /** Runs the job's next step now (a webhook said the provider finished); a step already running carries on. */
    void wake(UUID workspaceId, UUID jobId, Instant now) {
        TaskInstanceId id = TaskInstanceId.of(TASK.getTaskName(), jobId.toString());
        boolean exists = scheduler.getObject().getScheduledExecution(id).isPresent();
        if (exists) {
            try {
                scheduler.getObject().reschedule(id, now);
            } catch (RuntimeException picked) {
                // the step is running right now; it polls the provider itself
            }
        } else {
            schedule(workspaceId, jobId, now);
        }
    }
}
