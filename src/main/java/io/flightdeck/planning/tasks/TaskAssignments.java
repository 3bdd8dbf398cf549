package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.TaskAssigned;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.scheduling.AutoAssignment;
import io.flightdeck.planning.scheduling.TeamLoad;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.planning.settings.PlanningSettingsService;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who does a task: auto-assignment picks, among members with the skills and the free hours in the task's window, the
 * least loaded (see {@link AutoAssignment}) and says why for every candidate; a manager may override it. Bulk
 * assignment goes through a campaign's open unassigned tasks in plan order, each choice adding to the loads the next
 * one sees, with a single capacity query for the whole window.
 */
@Service
@Transactional
class TaskAssignments implements TaskStaffing {

    static final String AUTO = "auto";
    static final String MANUAL = "manual";
    /** Working days a task without dates is measured over, from today. */
    static final int UNDATED_WINDOW_DAYS = 10;

    private final TaskRepository tasks;
    private final Tasks service;
    private final TeamCapacity capacity;
    private final PlanningSettingsService configuration;
    private final TaskViews views;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    TaskAssignments(TaskRepository tasks, Tasks service, TeamCapacity capacity, PlanningSettingsService configuration,
            TaskViews views, ApplicationEventPublisher events, java.time.Clock clock) {
        this.tasks = tasks;
        this.service = service;
        this.capacity = capacity;
        this.configuration = configuration;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** Chooses someone for the task and, unless {@code dryRun}, assigns them. */
    @Override
    public TaskAssignmentProposal autoAssign(UUID taskId, boolean dryRun) {
        Task task = assignable(service.live(taskId));
        Window window = window(task, configuration.calendar());
        List<AutoAssignment.Candidate> team = capacity.candidates(window.from(), window.to(), List.of(taskId));
        AutoAssignment.Choice choice = AutoAssignment.choose(need(task), team);
        return apply(task, choice, window, dryRun, clock.instant());
    }

    /** The manager's choice: any member who can be assigned work, or nobody ({@code assigneeId} null). */
    @Override
    public TaskView assign(UUID taskId, UUID assigneeId) {
        Task task = service.live(taskId);
        if (task.getKind() == TaskKind.MILESTONE) {
            throw new InvalidInputException("assigneeId", "milestones have no assignee");
        }
        if (assigneeId != null && capacity.assignable().stream().noneMatch(m -> m.userId().equals(assigneeId))) {
            throw new InvalidInputException("assigneeId",
                    "must be a member of this workspace who can be assigned work (contributor or above)");
        }
        assign(task, assigneeId, MANUAL, clock.instant());
        tasks.flush();
        return views.of(task);
    }

    /** Every open, unassigned task (not milestone) of the campaign, in plan order. */
    @Override
    public TaskBulkAssignment autoAssignCampaign(UUID campaignId, boolean dryRun) {
        service.campaign(campaignId);
        List<Task> open = tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId).stream()
                .filter(t -> t.getKind() == TaskKind.TASK && t.getStatus().open() && t.getAssigneeId() == null)
                .sorted(PLAN_ORDER).toList();
        return bulk(open, dryRun);
    }

    /** The given tasks in the given order; each must be an open task (not a milestone) of this workspace. */
    @Override
    public TaskBulkAssignment autoAssignAll(List<UUID> taskIds, boolean dryRun) {
        if (taskIds == null || taskIds.isEmpty() || taskIds.size() > 200) {
            throw new InvalidInputException("taskIds", "must name 1 to 200 tasks");
        }
        Map<UUID, Task> found = new HashMap<>();
        tasks.findAllById(taskIds).stream().filter(t -> !t.isDeleted()).forEach(t -> found.put(t.getId(), t));
        List<Task> chosen = new ArrayList<>();
        for (UUID id : new java.util.LinkedHashSet<>(taskIds)) {
            Task task = found.get(id);
            if (task == null) {
                throw new NotFoundException("The task " + id);
            }
            chosen.add(assignable(task));
        }
        return bulk(chosen, dryRun);
    }

    /**
     * Each task is weighed in its own window against one load of the team over all the windows (four queries), and
     * each choice adds to the load the next task sees.
     */
    private TaskBulkAssignment bulk(List<Task> list, boolean dryRun) {
        WorkingCalendar calendar = configuration.calendar(); // once, not per task
        List<Window> windows = list.stream().map(t -> window(t, calendar)).toList();
        LocalDate from = windows.stream().map(Window::from).min(LocalDate::compareTo).orElse(views.today());
        LocalDate to = windows.stream().map(Window::to).max(LocalDate::compareTo).orElse(from);
        TeamLoad load = capacity.load(from, to, list.stream().map(Task::getId).toList());
        List<AutoAssignment.Dated> dated = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            dated.add(new AutoAssignment.Dated(need(list.get(i)), windows.get(i).from(), windows.get(i).to()));
        }
        List<AutoAssignment.Choice> choices = AutoAssignment.chooseAll(dated, load);
        Instant now = clock.instant();
        List<TaskAssignmentProposal> proposals = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            proposals.add(apply(list.get(i), choices.get(i), windows.get(i), dryRun, now));
        }
        int found = (int) proposals.stream().filter(p -> p.chosenId() != null).count();
        List<TaskBulkAssignment.UnassignedTask> unqualified = proposals.stream().filter(p -> p.shortfall() != null)
                .map(p -> new TaskBulkAssignment.UnassignedTask(p.taskId(), p.taskTitle(), p.shortfall().reason(),
                        p.shortfall().missingSkills(), p.shortfall().overCapacity()))
                .toList();
        return new TaskBulkAssignment(dryRun, list.size(), dryRun ? 0 : found, list.size() - found, from, to,
                proposals, unqualified);
    }

    private TaskAssignmentProposal apply(Task task, AutoAssignment.Choice choice, Window window, boolean dryRun,
            Instant now) {
        UUID chosenId = choice.memberId().orElse(null);
        List<TaskAssignmentProposal.Candidate> candidates = choice.evaluations().stream()
                .map(e -> new TaskAssignmentProposal.Candidate(e.memberId(), e.name(), e.eligible(), e.score(),
                        (int) Math.round(e.load() * 100), e.availableHours(), e.assignedHours(),
                        Objects.equals(e.memberId(), chosenId), e.reasons()))
                .toList();
        String chosenName = candidates.stream().filter(TaskAssignmentProposal.Candidate::chosen).findFirst()
                .map(TaskAssignmentProposal.Candidate::name).orElse(null);
        boolean assigned = !dryRun && chosenId != null;
        if (assigned) {
            assign(task, chosenId, AUTO, now);
        }
        AutoAssignment.Shortfall why = choice.shortfall();
        TaskAssignmentProposal.AssignmentShortfall shortfall = why == null ? null
                : new TaskAssignmentProposal.AssignmentShortfall(why.reason(), why.missingSkills(), why.overCapacity(),
                        why.noTeam());
        return new TaskAssignmentProposal(task.getId(), task.getTitle(), dryRun, assigned, chosenId, chosenName,
                explain(chosenName, candidates, dryRun, why), window.from(), window.to(), candidates, shortfall);
    }

    /** Records the assignment; someone newly responsible for the task is announced with {@link TaskAssigned}. */
    private void assign(Task task, UUID assigneeId, String by, Instant now) {
        boolean changed = assigneeId != null && !assigneeId.equals(task.getAssigneeId());
        task.assign(assigneeId, by, now);
        if (changed) {
            events.publishEvent(new TaskAssigned(TenantScope.require(), task.getId(), task.getCampaignId(), assigneeId,
                    AUTO.equals(by), CurrentActor.find().map(Actor::userId).orElse(null), now));
        }
    }

    private static String explain(String chosenName, List<TaskAssignmentProposal.Candidate> candidates, boolean dryRun,
            AutoAssignment.Shortfall why) {
        if (candidates.isEmpty()) {
            return "Nobody in the workspace can be assigned work yet (contributors and up can)";
        }
        if (chosenName == null) {
            return "Nobody qualifies: " + (why != null ? why.reason() : "see each candidate's reasons");
        }
        TaskAssignmentProposal.Candidate best = candidates.get(0);
        return (dryRun ? "Would assign " : "Assigned ") + chosenName + ": score " + best.score() + ", "
                + best.loadPct() + " % loaded with this task";
    }

    /** Plan order: by earliest start on the timeline (or start date), then position. */
    private static final Comparator<Task> PLAN_ORDER = Comparator
            .comparing((Task t) -> t.getEarliestStart() == null ? Integer.MAX_VALUE : t.getEarliestStart())
            .thenComparing(t -> t.getStartDate() == null ? LocalDate.MAX : t.getStartDate())
            .thenComparingInt(Task::getPosition);

    private static Task assignable(Task task) {
        if (task.getKind() == TaskKind.MILESTONE) {
            throw new ConflictException("not-assignable", task.getTitle() + " is a milestone; milestones have no assignee");
        }
        if (!task.getStatus().open()) {
            throw new ConflictException("not-assignable", task.getTitle() + " is " + task.getStatus().label().toLowerCase()
                    + "; only open tasks are assigned");
        }
        return task;
    }

    private static AutoAssignment.Need need(Task task) {
        return new AutoAssignment.Need(task.getId().toString(), task.getSkills(), task.getEstimateHours());
    }

    private record Window(LocalDate from, LocalDate to) {
    }

    /** The task's start to its due date; an undated end uses the next working days from today or its start. */
    private Window window(Task task, WorkingCalendar calendar) {
        LocalDate today = calendar.onOrAfter(views.today());
        LocalDate from = task.getStartDate();
        LocalDate to = task.getDueDate();
        if (from == null) {
            from = to != null && to.isBefore(today) ? to : today;
        }
        if (to == null) {
            to = calendar.shift(calendar.onOrAfter(from), UNDATED_WINDOW_DAYS - 1);
        }
        return new Window(from, to.isBefore(from) ? from : to);
    }

    /** Members who can be assigned work, for override pickers. */
    @Override
    @Transactional(readOnly = true)
    public List<MemberSummary> assignableMembers() {
        return capacity.assignable();
    }
}
