package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task rows written straight through the entities and the planner, for tests of other planning packages: timelines
 * from a crafted template, tasks with hand-set dates, assignees and completion times. Callers run inside the
 * workspace's scope (or pass it).
 */
public final class TaskTestRows {

    private final TaskRepository tasks;
    private final TimelinePlanner planner;
    private final CampaignDirectory campaigns;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public TaskTestRows(ApplicationContext context) {
        this.tasks = context.getBean(TaskRepository.class);
        this.planner = context.getBean(TimelinePlanner.class);
        this.campaigns = context.getBean(CampaignDirectory.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Lays a timeline out forwards from today (or the campaign's later start) from the template. */
    public void timeline(UUID workspaceId, UUID campaignId, TemplateView template) {
        TenantScope.run(workspaceId, () -> transactions.executeWithoutResult(status ->
                planner.generate(campaigns.find(campaignId).orElseThrow(), template, TimelineDirection.FORWARD)));
    }

    /** A task dated by hand, assigned to {@code assignee} (or nobody when null); in the current workspace. */
    public UUID task(UUID campaignId, UUID createdBy, String title, double estimateHours, LocalDate start,
            LocalDate due, UUID assignee) {
        return transactions.execute(status -> {
            Task task = new Task(campaignId, null, TaskKind.TASK, title, createdBy, Instant.now());
            task.describe(title, null, CampaignPriority.MEDIUM, estimateHours, Map.of(), List.of(), List.of(),
                    Instant.now());
            task.dateByHand(start, due, Instant.now());
            if (assignee != null) {
                task.assign(assignee, "manual", Instant.now());
            }
            return tasks.saveAndFlush(task).getId();
        });
    }

    /**
     * Moves a task through in progress (at {@code startedAt}) to done at {@code completedAt}. With {@code startedAt}
     * null the row ends up done but never started, as rows from before the status machine (or imported ones) may be:
     * the status machine itself has no way to done that skips a start, so the start is cleared afterwards.
     */
    public void complete(UUID taskId, Instant startedAt, Instant completedAt) {
        transactions.execute(status -> {
            Task task = tasks.findById(taskId).orElseThrow();
            task.moveTo(TaskStatus.IN_PROGRESS, startedAt != null ? startedAt : completedAt);
            task.moveTo(TaskStatus.DONE, completedAt);
            tasks.saveAndFlush(task);
            if (startedAt == null) {
                jdbc.update("update tasks set started_at = null where id = ?", taskId);
            }
            return null;
        });
    }

    public void cancel(UUID taskId) {
        transactions.execute(status -> {
            Task task = tasks.findById(taskId).orElseThrow();
            task.moveTo(TaskStatus.CANCELLED, Instant.now());
            return tasks.saveAndFlush(task);
        });
    }
}
