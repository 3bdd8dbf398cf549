package io.flightdeck.notifications.domain;

import java.util.List;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.TaskAssigned;
import io.flightdeck.planning.TaskCard;
import io.flightdeck.planning.TaskDirectory;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Planning's events as notifications: a task's assignee hears that it is theirs. */
@Component
class TaskTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;
    private final TaskDirectory tasks;
    private final CampaignDirectory campaigns;

    TaskTriggers(Notifier notifier, OncePerEvent once, TaskDirectory tasks, CampaignDirectory campaigns) {
        this.notifier = notifier;
        this.once = once;
        this.tasks = tasks;
        this.campaigns = campaigns;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TaskAssigned event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> tasks.find(event.taskId()).ifPresent(task -> {
            if (event.assigneeId() == null || !event.assigneeId().equals(task.assigneeId())) {
                return; // assigned to someone else since: the later event tells them
            }
            String campaign = campaigns.find(task.campaignId()).map(CampaignSnapshot::name).orElse("a campaign");
            NotificationDraft draft = NotificationDraft.of(
                    "task-assigned:" + task.taskId() + ":" + event.assigneeId() + ":" + event.at().toEpochMilli(),
                    NotificationTrigger.TASK_ASSIGNED, "Task for you: " + task.title(), "/tasks/" + task.taskId(),
                    event.automatic() ? "Auto-assignment chose you for this task in " + campaign
                            : "You were assigned this task in " + campaign,
                    "task", task.taskId(), task.campaignId(), event.actorId());
            notifier.notify(task.dueDate() == null ? draft : draft.withBody("Due " + task.dueDate()),
                    List.of(event.assigneeId()));
        })));
    }
}
