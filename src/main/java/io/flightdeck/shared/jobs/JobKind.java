package io.flightdeck.shared.jobs;

import java.util.UUID;
import java.util.function.BiFunction;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * A kind of durable job: one instance per object (a channel post, a render job, a campaign), named by the object's
 * id, with data that says which object in which workspace. The name is stored with every row in
 * {@code scheduled_tasks}, so it never changes once a kind has shipped (rows written by an older version must still
 * find their task), and neither do the data's field names.
 */
public final class JobKind<D extends WorkspaceTask> {

    private final TaskDescriptor<D> descriptor;
    private final BiFunction<UUID, UUID, D> data;

    private JobKind(TaskDescriptor<D> descriptor, BiFunction<UUID, UUID, D> data) {
        this.descriptor = descriptor;
        this.data = data;
    }

    /**
     * @param data the data of the instance for an object in a workspace, e.g. {@code PostTaskData::new} for a record
     *             {@code (UUID workspaceId, UUID channelPostId)}
     */
    public static <D extends WorkspaceTask> JobKind<D> of(String name, Class<D> dataType, BiFunction<UUID, UUID, D> data) {
        return new JobKind<>(TaskDescriptor.of(name, dataType), data);
    }

    D data(UUID workspaceId, UUID objectId) {
        return data.apply(workspaceId, objectId);
    }

    public String name() {
        return descriptor.getTaskName();
    }

    public TaskDescriptor<D> descriptor() {
        return descriptor;
    }

    TaskInstanceId instanceId(String id) {
        return TaskInstanceId.of(name(), id);
    }
}
