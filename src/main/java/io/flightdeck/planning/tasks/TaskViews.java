package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.planning.settings.PlanningSettingsService;
import org.springframework.stereotype.Component;

/**
 * Builds the views of a page of tasks with a fixed number of queries, whatever the page's size: one for the
 * dependencies, one for the tasks they (and milestones) name, one each for assignee names, campaign names and timelines.
 */
@Component
class TaskViews {

    private final TaskRepository tasks;
    private final TaskDependencyRepository dependencies;
    private final MemberDirectory members;
    private final CampaignDirectory campaigns;
    private final PlanningSettingsService configuration;
    private final Clock clock;

    TaskViews(TaskRepository tasks, TaskDependencyRepository dependencies, MemberDirectory members,
            CampaignDirectory campaigns, PlanningSettingsService configuration, Clock clock) {
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.members = members;
        this.campaigns = campaigns;
        this.configuration = configuration;
        this.clock = clock;
    }

    TaskView of(Task task) {
        return of(List.of(task)).get(0);
    }

    List<TaskView> of(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Context context = context(page);
        return page.stream().map(t -> view(t, context)).toList();
    }

    /** Today in the workspace's calendar sense (UTC dates, as the plan's dates are). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether a task is at risk, for filters and counts that need no full view. */
    List<Task> atRisk(List<Task> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, Timeline> timelines = timelines(candidates);
        WorkingCalendar calendar = configuration.calendar();
        LocalDate today = today();
        return candidates.stream()
                .filter(t -> t.atRisk(today, latestStart(t, timelines.get(t.getCampaignId()), calendar)))
                .toList();
    }

    private record Context(Map<UUID, List<TaskDependency>> bySuccessor, Map<UUID, List<TaskDependency>> byPredecessor,
            Map<UUID, Task> known, Map<UUID, String> names, Map<UUID, CampaignSnapshot> campaigns,
            Map<UUID, Timeline> timelines, WorkingCalendar calendar, LocalDate today) {
    }

    private Context context(List<Task> page) {
        Set<UUID> ids = page.stream().map(Task::getId).collect(Collectors.toSet());
        List<TaskDependency> links = dependencies.findByPredecessorIdInOrSuccessorIdIn(ids, ids);
        Map<UUID, Task> known = new HashMap<>();
        page.forEach(t -> known.put(t.getId(), t));
        Set<UUID> others = new HashSet<>();
        links.forEach(d -> {
            others.add(d.getPredecessorId());
            others.add(d.getSuccessorId());
        });
        page.stream().map(Task::getMilestoneId).filter(Objects::nonNull).forEach(others::add);
        others.removeAll(ids);
        if (!others.isEmpty()) {
            tasks.findAllById(others).forEach(t -> known.put(t.getId(), t));
        }
        Map<UUID, String> names = members.displayNames(
                page.stream().map(Task::getAssigneeId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Set<UUID> campaignIds = page.stream().map(Task::getCampaignId).collect(Collectors.toSet());
        return new Context(
                links.stream().collect(Collectors.groupingBy(TaskDependency::getSuccessorId)),
                links.stream().collect(Collectors.groupingBy(TaskDependency::getPredecessorId)),
                known, names, campaigns.findAll(campaignIds), timelines(page), configuration.calendar(), today());
    }

    private Map<UUID, Timeline> timelines(Collection<Task> page) {
        Set<UUID> campaignIds = page.stream().map(Task::getCampaignId).collect(Collectors.toSet());
        return tasks.timelinesOf(campaignIds).stream()
                .collect(Collectors.toMap(Timeline::getCampaignId, Function.identity(), (a, b) -> a));
    }

    /** The timeline's first day shifted by the task's latest start, in working days. */
    static LocalDate latestStart(Task task, Timeline timeline, WorkingCalendar calendar) {
        if (timeline == null || timeline.getStartDate() == null || task.getLatestStart() == null
                || !Objects.equals(task.getTimelineId(), timeline.getId())) {
            return null;
        }
        return calendar.shift(calendar.onOrAfter(timeline.getStartDate()), task.getLatestStart());
    }

    private static TaskView view(Task t, Context c) {
        LocalDate latestStart = latestStart(t, c.timelines().get(t.getCampaignId()), c.calendar());
        List<TaskRef> predecessors = refs(c.bySuccessor().getOrDefault(t.getId(), List.of()),
                TaskDependency::getPredecessorId, c.known());
        List<TaskRef> successors = refs(c.byPredecessor().getOrDefault(t.getId(), List.of()),
                TaskDependency::getSuccessorId, c.known());
        Task milestone = t.getMilestoneId() == null ? null : c.known().get(t.getMilestoneId());
        CampaignSnapshot campaign = c.campaigns().get(t.getCampaignId());
        List<ChecklistItem> checklist = t.getChecklist();
        int done = (int) checklist.stream().filter(ChecklistItem::done).count();
        List<TaskRef> blockedBy = predecessors.stream().filter(p -> p.status().open()).toList();
        return new TaskView(t.getId(), t.getCampaignId(), campaign == null ? null : campaign.name(), t.getTimelineId(),
                t.getKind(), t.getTitle(), t.getDescription(), t.getStatus(), t.getStatus().next(t.getKind()), t.getPriority(),
                t.getEstimateHours(), t.getDurationDays(), t.getPinnedStart(), t.getStartDate(), t.getDueDate(),
                latestStart, milestone == null || milestone.isDeleted() ? null : ref(milestone), t.getAssigneeId(),
                t.getAssigneeId() == null ? null : c.names().getOrDefault(t.getAssigneeId(), "Former member"),
                t.getAssignedBy(), t.getSkills(), checklist, done, checklist.size(), t.getAttachments(),
                t.getPosition(), t.isCritical(), t.getSlackDays(), t.overdue(c.today()),
                t.atRisk(c.today(), latestStart), predecessors, successors, t.getStartedAt(), t.getCompletedAt(),
                t.getCreatedAt(), t.getUpdatedAt(), t.getVersion() == null ? 0 : t.getVersion(), blockedBy,
                blockedBy.isEmpty() ? Set.of() : t.getStatus().next(t.getKind()).stream().filter(TaskStatus::started)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskStatus.class))));
    }

    private static List<TaskRef> refs(List<TaskDependency> links, Function<TaskDependency, UUID> end,
            Map<UUID, Task> known) {
        List<TaskRef> refs = new ArrayList<>();
        for (TaskDependency link : links) {
            Task other = known.get(end.apply(link));
            if (other != null && !other.isDeleted()) {
                refs.add(ref(other));
            }
        }
        refs.sort(java.util.Comparator.comparingInt((TaskRef r) -> known.get(r.id()).getPosition()));
        return refs;
    }

    static TaskRef ref(Task task) {
        return new TaskRef(task.getId(), task.getTitle(), task.getStatus());
    }
}
