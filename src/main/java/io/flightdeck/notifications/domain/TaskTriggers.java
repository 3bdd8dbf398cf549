package io.flightdeck.notifications.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.TaskAssigned;
import io.flightdeck.planning.TaskCard;
import io.flightdeck.planning.TaskCommented;
import io.flightdeck.planning.TaskDeadline;
import io.flightdeck.planning.TaskDirectory;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Planning's events as notifications: a task's assignee hears that it is theirs and when it falls due or is overdue,
 * and the people in a task's discussion (its assignee, and whoever commented before) hear of a new comment.
 */
@Component
class TaskTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;
    private final TaskDirectory tasks;
    private final CampaignDirectory campaigns;
    private final MemberDirectory members;

    TaskTriggers(Notifier notifier, OncePerEvent once, TaskDirectory tasks, CampaignDirectory campaigns,
            MemberDirectory members) {
        this.notifier = notifier;
        this.once = once;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.members = members;
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

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TaskCommented event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> tasks.find(event.taskId()).ifPresent(task -> {
            String author = members.find(event.authorId()).map(MemberSummary::displayName).orElse("Someone");
            NotificationDraft draft = NotificationDraft.of("task-comment:" + event.commentId(),
                    NotificationTrigger.TASK_COMMENT, author + " commented on " + task.title(),
                    "/tasks/" + task.taskId(), "You take part in this task's discussion", "task", task.taskId(),
                    task.campaignId(), event.authorId());
            Map<UUID, String> reasons = new HashMap<>();
            event.participantIds().forEach(p -> reasons.put(p, "You commented on this task before"));
            if (task.assigneeId() != null) {
                reasons.put(task.assigneeId(), "The task is yours");
            }
            notifier.notify(draft, reasons);
        })));
    }

    /** Due today or tomorrow, or overdue: the assignee (the task's current one, if it changed hands since). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TaskDeadline event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> tasks.find(event.taskId()).ifPresent(task -> {
            if (task.assigneeId() == null || !event.dueDate().equals(task.dueDate())) {
                return; // unassigned or moved since: a later reminder covers it
            }
            String when = event.overdue() ? "Overdue since " + event.dueDate() + ": "
                    : (event.dueDate().isAfter(event.at().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                            ? "Due tomorrow: " : "Due today: ");
            NotificationDraft draft = NotificationDraft.of("task-" + (event.overdue() ? "overdue" : "due-soon") + ":"
                            + task.taskId() + ":" + event.dueDate(),
                    event.overdue() ? NotificationTrigger.TASK_OVERDUE : NotificationTrigger.TASK_DUE_SOON,
                    when + task.title(), "/tasks/" + task.taskId(), "The task is yours", "task", task.taskId(),
                    task.campaignId(), null);
            notifier.notify(draft, List.of(task.assigneeId()));
        })));
    }
}
