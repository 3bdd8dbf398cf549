package io.flightdeck.publishing.workflow;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** One db-scheduler execution per running workflow (instance id = campaign id), rescheduled by each run. */
@Component
class WorkflowSchedule {

    /** The task data: which campaign, in which workspace. */
    public record WorkflowTaskData(UUID workspaceId, UUID campaignId) {
    }

    static final TaskDescriptor<WorkflowTaskData> TASK = TaskDescriptor.of("campaign-workflow", WorkflowTaskData.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    WorkflowSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs the workflow now, or keeps the run already waiting. */
    void wake(UUID workspaceId, UUID campaignId, Instant at) {
        TaskInstanceId id = TaskInstanceId.of(TASK.getTaskName(), campaignId.toString());
        if (scheduler.getObject().getScheduledExecution(id).isPresent()) {
            try {
                scheduler.getObject().reschedule(id, at);
            } catch (RuntimeException picked) {
                // running right now; it reads the workflow afresh
            }
        } else {
            scheduler.getObject().scheduleIfNotExists(TASK.instance(campaignId.toString())
                    .data(new WorkflowTaskData(workspaceId, campaignId)).scheduledTo(at));
        }
    }
}
