package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The durable side of a scheduled launch: one db-scheduler one-time task per campaign (instance id = campaign id),
 * whose JSON data carries the workspace, so the job opens the right tenant scope wherever it runs. The scheduler is
 * looked up when needed: it is built from every task bean, the launch task among them, which needs {@link Campaigns}.
 */
@Component
public class LaunchSchedule {

    /** The task data: which campaign, in which workspace. */
    public record ScheduledLaunchData(UUID workspaceId, UUID campaignId) {
    }

    public static final TaskDescriptor<ScheduledLaunchData> TASK = TaskDescriptor.of("scheduled-launch",
            ScheduledLaunchData.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    LaunchSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID workspaceId, UUID campaignId, Instant at) {
        var instance = TASK.instance(campaignId.toString()).data(new ScheduledLaunchData(workspaceId, campaignId))
                .scheduledTo(at);
        SchedulerClient client = scheduler.getObject();
        if (client.getScheduledExecution(TASK.instanceId(campaignId.toString())).isPresent()) {
            client.reschedule(instance);
        } else {
            client.schedule(instance);
        }
    }

    void cancel(UUID campaignId) {
        SchedulerClient client = scheduler.getObject();
        if (client.getScheduledExecution(TASK.instanceId(campaignId.toString())).isPresent()) {
            client.cancel(TASK.instanceId(campaignId.toString()));
        }
    }
}
