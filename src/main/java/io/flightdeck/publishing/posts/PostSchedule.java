package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The durable side of a channel post: one db-scheduler execution per channel post (instance id = its id), written in
 * the transaction that schedules the post and rescheduled by each step for the next (its time, a retry, a recheck of
 * its blockers). The data carries the workspace, so the step opens the right tenant scope wherever it runs; a node
 * killed mid-step leaves a dead execution that another node, or this one restarted, revives.
 */
@Component
class PostSchedule {

    /** The task data: which channel post, in which workspace. */
    public record PostTaskData(UUID workspaceId, UUID channelPostId) {
    }

    static final TaskDescriptor<PostTaskData> TASK = TaskDescriptor.of("channel-post", PostTaskData.class);

    private final ObjectProvider<SchedulerClient> scheduler;

    PostSchedule(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID workspaceId, UUID channelPostId, Instant at) {
        scheduler.getObject().scheduleIfNotExists(TASK.instance(channelPostId.toString())
                .data(new PostTaskData(workspaceId, channelPostId)).scheduledTo(at));
    }

    /** Brings the post's next step to {@code at} (a person moved it, or its blockers may have cleared). */
    void wake(UUID workspaceId, UUID channelPostId, Instant at) {
        TaskInstanceId id = TaskInstanceId.of(TASK.getTaskName(), channelPostId.toString());
        if (scheduler.getObject().getScheduledExecution(id).isPresent()) {
            try {
                scheduler.getObject().reschedule(id, at);
            } catch (RuntimeException picked) {
                // the step is running right now and reads the post afresh
            }
        } else {
            schedule(workspaceId, channelPostId, at);
        }
    }
}
