package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's tasks and milestones: create, edit, delete and restore them, move them through their statuses, and
 * list them with filters. A task of a campaign with a timeline gets its dates from the plan, so every change that
 * alters the plan (a task added, deleted, restored, cancelled or reopened) lays the timeline out again; a task of a
 * campaign without one carries dates set by hand.
 */
@Service
@Transactional
class Tasks implements CampaignTasks {

    private final TaskRepository tasks;
    private final TaskDependencyRepository dependencies;
    private final TaskViews views;
    private final TaskQueries queries;
    private final CampaignDirectory campaigns;
    private final TimelinePlanner planner;
    private final Clock clock;

    Tasks(TaskRepository tasks, TaskDependencyRepository dependencies, TaskViews views, TaskQueries queries,
            CampaignDirectory campaigns, TimelinePlanner planner, Clock clock) {
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.views = views;
        this.queries = queries;
        this.campaigns = campaigns;
        this.planner = planner;
        this.clock = clock;
    }

    @Override
    public TaskView create(UUID campaignId, TaskChange change) {
        CampaignSnapshot campaign = campaign(campaignId);
        UUID timelineId = tasks.timelinesOf(List.of(campaignId)).stream().findFirst().map(Timeline::getId).orElse(null);
        TaskKind kind = change.kind() == null ? TaskKind.TASK : change.kind();
        Instant now = clock.instant();
        Task task = new Task(campaignId, timelineId, kind, TaskRules.title(change.title()),
                CurrentActor.require().userId(), now);
        task.describe(task.getTitle(), TaskRules.description(change.description()),
                change.priority() == null ? campaign.priority() : change.priority(),
                kind == TaskKind.MILESTONE ? 0 : TaskRules.estimate(TaskRules.orZero(change.estimateHours())),
                TaskRules.skills(TaskRules.orEmpty(change.skills())), TaskRules.checklist(TaskRules.orEmpty(change.checklist())),
                TaskRules.attachments(TaskRules.orEmpty(change.attachments())), now);
        int duration = TaskRules.duration(change.durationDays() == null ? (kind == TaskKind.MILESTONE ? 0 : 1)
                : change.durationDays());
        if (timelineId != null) {
            if (change.dueDate() != null) {
                throw new InvalidInputException("dueDate", "comes from the campaign's timeline: set durationDays, "
                        + "and startDate to pin the start");
            }
            task.reschedule(duration, change.startDate(), now); // a start on a timeline task pins it
        } else {
            task.reschedule(duration, null, now);
            task.dateByHand(change.startDate(), kind == TaskKind.MILESTONE && change.dueDate() == null
                    ? change.startDate() : change.dueDate(), now);
            TaskRules.checkDates(task.getStartDate(), task.getDueDate());
        }
        if (change.milestoneId() != null) {
            task.linkMilestone(milestone(campaignId, change.milestoneId(), task).getId());
        }
        task.position(tasks.nextPosition(campaignId));
        tasks.saveAndFlush(task);
        replan(campaign, timelineId);
        return views.of(task);
    }

    @Override
    @Transactional(readOnly = true)
    public TaskView get(UUID id) {
        return views.of(live(id));
    }

    /** Changes the given fields; see {@link TaskChange} for what a timeline task leaves to its schedule. */
    @Override
    public TaskView update(UUID id, TaskChange change, Long expectedVersion) {
        Task task = live(id);
        if (expectedVersion != null && !expectedVersion.equals(task.getVersion())) {
            throw new PreconditionFailedException(task.getVersion());
        }
        if (change.kind() != null && change.kind() != task.getKind()) {
            throw new InvalidInputException("kind", "cannot change; create a new task or milestone instead");
        }
        // looked up first: a query flushes pending changes, which would count as a second version
        Task milestone = change.clearMilestone() || change.milestoneId() == null ? null
                : milestone(task.getCampaignId(), change.milestoneId(), task);
        Instant now = clock.instant();
        task.describe(
                change.title() == null ? task.getTitle() : TaskRules.title(change.title()),
                change.description() == null ? task.getDescription() : TaskRules.description(change.description()),
                change.priority() == null ? task.getPriority() : change.priority(),
                change.estimateHours() == null || task.getKind() == TaskKind.MILESTONE ? task.getEstimateHours()
                        : TaskRules.estimate(change.estimateHours()),
                change.skills() == null ? task.getSkills() : TaskRules.skills(change.skills()),
                change.checklist() == null ? task.getChecklist() : TaskRules.checklist(change.checklist()),
                change.attachments() == null ? task.getAttachments() : TaskRules.attachments(change.attachments()),
                now);
        if (task.getTimelineId() != null) {
            TaskRules.refuseScheduleChange(task, change);
        } else {
            if (change.durationDays() != null) {
                task.reschedule(TaskRules.duration(change.durationDays()), null, now);
            }
            LocalDate start = change.clearDates() || change.startDate() != null ? change.startDate()
                    : task.getStartDate();
            LocalDate due = change.clearDates() || change.dueDate() != null ? change.dueDate() : task.getDueDate();
            TaskRules.checkDates(start, due);
            task.dateByHand(start, due, now);
        }
        if (change.clearMilestone()) {
            task.linkMilestone(null);
        } else if (milestone != null) {
            task.linkMilestone(milestone.getId());
        }
        tasks.flush();
        return views.of(task);
    }

    /** Ticks or unticks one checklist item (0-based). */
    @Override
    public TaskView toggleChecklistItem(UUID id, int index) {
        Task task = live(id);
        List<ChecklistItem> items = new java.util.ArrayList<>(task.getChecklist());
        if (index < 0 || index >= items.size()) {
            throw new InvalidInputException("index", "no checklist item " + index + " on this task");
        }
        ChecklistItem item = items.get(index);
        items.set(index, new ChecklistItem(item.text(), !item.done()));
        task.checklist(items, clock.instant());
        tasks.flush();
        return views.of(task);
    }

    /** Soft delete: the task leaves lists and the plan; {@link #restore} brings it back with its links. */
    @Override
    public void delete(UUID id) {
        Task task = live(id);
        task.delete(clock.instant());
        task.unplaced();
        tasks.flush();
        replan(task);
    }

    @Override
    public TaskView restore(UUID id) {
        Task task = tasks.findById(id).orElseThrow(() -> new NotFoundException("The task"));
        campaign(task.getCampaignId());
        if (task.isDeleted()) {
            task.restore(tasks.timelinesOf(List.of(task.getCampaignId())).stream().findFirst().map(Timeline::getId)
                    .orElse(null), clock.instant());
            tasks.flush();
            replan(task);
        }
        return views.of(task);
    }

    @Override
    public TaskView move(UUID id, TaskStatus target) {
        return views.of(moved(id, target));
    }

    /** {@link #move} without the view it answers (half a dozen reads), for a bulk action, which needs none. */
    Task moved(UUID id, TaskStatus target) {
        Task task = live(id);
        TaskStatus current = task.getStatus();
        Instant now = clock.instant();
        task.moveTo(target, target.started() ? openPredecessors(task) : List.of(),
                CurrentActor.find().map(Actor::userId).orElse(null), now);
        tasks.saveAndFlush(task); // publishes what the move raised (TaskCompleted)
        if (target == TaskStatus.CANCELLED || current == TaskStatus.CANCELLED) { // only cancelled tasks leave the plan
            replan(task);
        }
        return task;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<TaskView> list(TaskFilter filter, TaskSort sort, Pageable pageable) {
        return queries.list(filter, sort, pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public long count(TaskFilter filter) {
        return queries.count(filter);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskView> ofCampaign(UUID campaignId) {
        return queries.ofCampaign(campaignId);
    }

    @Override
    @Transactional(readOnly = true)
    public TaskSummary summary(UUID campaignId) {
        return queries.summary(campaignId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskRef> milestones(UUID campaignId) {
        return queries.milestones(campaignId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasTimeline(UUID campaignId) {
        return queries.hasTimeline(campaignId);
    }

    Task live(UUID id) {
        // by id rather than a query, so a task this transaction already read is not read again (a bulk chunk loads
        // its tasks at once)
        return tasks.findById(id).filter(task -> !task.isDeleted())
                .orElseThrow(() -> new NotFoundException("The task"));
    }

    CampaignSnapshot campaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    /** Lays the task's campaign's plan out again, when the campaign has a timeline. */
    void replan(Task task) {
        if (task.getTimelineId() != null) {
            campaigns.find(task.getCampaignId()).ifPresent(planner::recalculate);
        }
    }

    private void replan(CampaignSnapshot campaign, UUID timelineId) {
        if (timelineId != null) {
            planner.recalculate(campaign);
        }
    }

    List<Task> openPredecessors(Task task) {
        List<UUID> ids = PreloadedPredecessors.of(task.getId()).orElseGet(() -> dependencies
                .findBySuccessorIdIn(List.of(task.getId())).stream().map(TaskDependency::getPredecessorId).toList());
        return ids.isEmpty() ? List.of() : tasks.findAllById(ids).stream()
                .filter(p -> !p.isDeleted() && p.getStatus().open())
                .sorted(java.util.Comparator.comparingInt(Task::getPosition)).toList();
    }

    private Task milestone(UUID campaignId, UUID milestoneId, Task task) {
        if (task.getKind() == TaskKind.MILESTONE) {
            throw new InvalidInputException("milestoneId", "only tasks lead to a milestone");
        }
        return tasks.findByIdAndDeletedAtIsNull(milestoneId)
                .filter(m -> m.getCampaignId().equals(campaignId) && m.getKind() == TaskKind.MILESTONE)
                .orElseThrow(() -> new InvalidInputException("milestoneId", "must be a milestone of the same campaign"));
    }
}
