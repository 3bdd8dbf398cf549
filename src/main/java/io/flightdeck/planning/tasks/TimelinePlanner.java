package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateItem;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.TimelineGenerated;
import io.flightdeck.planning.TimelineRecalculated;
import io.flightdeck.planning.scheduling.CriticalPath;
import io.flightdeck.planning.scheduling.TimelineLayout;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.planning.settings.PlanningSettingsService;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a template into a campaign's dated tasks and keeps the dates right: generation lays the plan out backwards
 * from the campaign's end date (or forwards from its start), and every change to a duration, pin or dependency
 * recalculates the whole plan forwards from its first day, critical path included.
 */
@Service
@Transactional
class TimelinePlanner {

    private final TimelineRepository timelines;
    private final TaskRepository tasks;
    private final TaskDependencyRepository dependencies;
    private final PlanningSettingsService configuration;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TimelinePlanner(TimelineRepository timelines, TaskRepository tasks, TaskDependencyRepository dependencies,
            PlanningSettingsService configuration, ApplicationEventPublisher events, Clock clock) {
        this.timelines = timelines;
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.configuration = configuration;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the campaign's timeline and its tasks from a template, placed by {@link #layOut}; the overrun says by
     * how many working days the end date is missed.
     */
    Timeline generate(CampaignSnapshot campaign, TemplateView template, TimelineDirection direction) {
        Instant now = clock.instant();
        UUID actorId = CurrentActor.find().map(a -> a.userId()).orElse(null);
        WorkingCalendar calendar = configuration.calendar();
        int bufferPct = configuration.bufferPct(campaign.priority());
        Timeline existing = timelines.findByCampaignId(campaign.id()).orElse(null);
        Timeline timeline = existing != null ? existing
                : new Timeline(campaign.id(), template.id(), direction, actorId, now);
        if (existing != null) {
            existing.regenerated(template.id(), direction, actorId, now);
        }
        Map<String, Task> byKey = new HashMap<>();
        List<Task> created = new ArrayList<>();
        int position = tasks.nextPosition(campaign.id()); // after any deleted tasks, which keep theirs for a restore
        for (TemplateItem item : template.items()) {
            Task task = Task.fromTemplate(campaign.id(), timeline.getId(), item, campaign.priority(), position++,
                    actorId, now);
            byKey.put(item.key(), task);
            created.add(task);
        }
        for (TemplateItem item : template.items()) {
            if (item.milestone() != null && byKey.containsKey(item.milestone())) {
                byKey.get(item.key()).linkMilestone(byKey.get(item.milestone()).getId());
            }
        }
        List<TaskDependency> links = new ArrayList<>();
        for (TemplateItem item : template.items()) {
            for (String predecessor : item.dependsOn()) {
                links.add(new TaskDependency(campaign.id(), byKey.get(predecessor).getId(),
                        byKey.get(item.key()).getId(), now));
            }
        }

        List<TimelineLayout.Item> items = created.stream()
                .map(t -> new TimelineLayout.Item(t.getId().toString(), t.getDurationDays(), null)).toList();
        TimelineLayout.Plan plan = layOut(campaign, direction, items, edges(links), bufferPct, calendar);
        apply(timeline, created, plan, campaign, bufferPct, calendar, now);
        timeline.anchor(plan.start());
        // saved only once laid out: Hibernate inserts the state an entity has when it is saved, and the timeline's
        // dates are required; the timeline goes first because tasks refer to it
        if (existing == null) {
            timelines.save(timeline);
        }
        // milestones first: tasks refer to the milestone they lead to (milestones lead to none)
        tasks.saveAll(created.stream().filter(t -> t.getKind() == TaskKind.MILESTONE).toList());
        tasks.saveAll(created.stream().filter(t -> t.getKind() != TaskKind.MILESTONE).toList());
        dependencies.saveAll(links);
        events.publishEvent(new TimelineGenerated(TenantScope.require(), campaign.id(), timeline.getId(), template.id(),
                direction, created.size(), timeline.getStartDate(), timeline.getEndDate(), timeline.getOverrunDays(),
                actorId, now));
        return timeline;
    }

    /**
     * Where a new plan goes. It never starts before the campaign does: forwards it starts on the campaign's start
     * date (today when the campaign has none); backwards its buffer ends on the end date, unless that would put its
     * first day before the campaign's start (or, without a start date, before today), in which case it starts there
     * and the overrun says by how much the end date is missed. (It used to start today whenever the backward plan
     * reached into the past, leaving the campaign's first weeks empty and overrunning its end.)
     */
    TimelineLayout.Plan layOut(CampaignSnapshot campaign, TimelineDirection direction, List<TimelineLayout.Item> items,
            List<CriticalPath.Dependency> edges, int bufferPct, WorkingCalendar calendar) {
        LocalDate earliest = campaign.startDate() != null ? campaign.startDate() : LocalDate.now(clock);
        if (direction == TimelineDirection.BACKWARD && campaign.endDate() != null) {
            TimelineLayout.Plan plan = TimelineLayout.backward(items, edges, campaign.endDate(), bufferPct, calendar);
            if (!plan.start().isBefore(calendar.onOrAfter(earliest))) {
                return plan;
            }
        }
        return TimelineLayout.forward(items, edges, earliest, bufferPct, calendar);
    }

    /**
     * Lays the campaign's plan out again with the current durations, pins and dependencies. Unpinned tasks start no
     * earlier than the day generation chose (the anchor); a task pinned before it moves the plan's first day back
     * without taking the others along, and unpinning it brings the first day back. Cancelled tasks drop out.
     */
    Timeline recalculate(CampaignSnapshot campaign) {
        Timeline timeline = timelines.findByCampaignId(campaign.id()).orElse(null);
        if (timeline == null) {
            return null;
        }
        List<Task> all = tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaign.id());
        List<Task> planned = all.stream().filter(t -> t.getStatus() != TaskStatus.CANCELLED).toList();
        Set<UUID> plannedIds = planned.stream().map(Task::getId).collect(Collectors.toSet());
        List<TaskDependency> links = dependencies.findByCampaignId(campaign.id()).stream()
                .filter(d -> plannedIds.contains(d.getPredecessorId()) && plannedIds.contains(d.getSuccessorId()))
                .toList();
        LocalDate anchor = timeline.getAnchorDate();
        LocalDate start = anchor;
        for (Task task : planned) {
            if (task.getPinnedStart() != null && task.getPinnedStart().isBefore(start)) {
                start = task.getPinnedStart();
            }
        }
        LocalDate floor = start.isBefore(anchor) ? anchor : null;
        WorkingCalendar calendar = configuration.calendar();
        int bufferPct = configuration.bufferPct(campaign.priority());
        List<TimelineLayout.Item> items = planned.stream()
                .map(t -> new TimelineLayout.Item(t.getId().toString(), t.getDurationDays(),
                        t.getPinnedStart() != null ? t.getPinnedStart() : floor))
                .toList();
        TimelineLayout.Plan plan = TimelineLayout.forward(items, edges(links), start, bufferPct, calendar);
        all.stream().filter(t -> t.getStatus() == TaskStatus.CANCELLED).forEach(Task::unplaced);
        Instant now = clock.instant();
        apply(timeline, planned, plan, campaign, bufferPct, calendar, now);
        events.publishEvent(new TimelineRecalculated(TenantScope.require(), campaign.id(), timeline.getId(),
                timeline.getStartDate(), timeline.getEndDate(), timeline.getOverrunDays(), now));
        return timeline;
    }

    private static void apply(Timeline timeline, List<Task> planned, TimelineLayout.Plan plan,
            CampaignSnapshot campaign, int bufferPct, WorkingCalendar calendar, Instant now) {
        Map<String, Task> byId = new HashMap<>(planned.size() * 2);
        planned.forEach(t -> byId.put(t.getId().toString(), t));
        for (TimelineLayout.Placed placed : plan.items()) {
            byId.get(placed.key()).placed(placed);
        }
        timeline.laidOut(plan, bufferPct, campaign.endDate(), overrun(plan.end(), campaign.endDate(), calendar), now);
    }

    /** Working days the plan's end (after its buffer) lies beyond the target, 0 when it fits or there is none. */
    static int overrun(LocalDate planEnd, LocalDate target, WorkingCalendar calendar) {
        if (target == null) {
            return 0;
        }
        LocalDate lastDay = calendar.onOrBefore(target);
        return planEnd.isAfter(lastDay) ? calendar.between(lastDay, planEnd) : 0;
    }

    private static List<CriticalPath.Dependency> edges(List<TaskDependency> links) {
        return links.stream().map(d -> new CriticalPath.Dependency(d.getPredecessorId().toString(),
                d.getSuccessorId().toString())).toList();
    }
}
