package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.planning.templates.TemplateLibrary;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import io.flightdeck.planning.settings.PlanningSettingsService;
import org.springframework.stereotype.Component;

/**
 * A campaign's timeline as people see it: every task with its dates and critical-path figures turned into working
 * days, the links between them, and how the plan compares with the campaign's own dates, in a fixed number of queries.
 */
@Component
class TimelineViews {

    private final TaskRepository tasks;
    private final TaskDependencyRepository dependencies;
    private final TemplateLibrary templates;
    private final PlanningSettingsService configuration;
    private final MemberDirectory members;

    TimelineViews(TaskRepository tasks, TaskDependencyRepository dependencies, TemplateLibrary templates,
            PlanningSettingsService configuration, MemberDirectory members) {
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.templates = templates;
        this.configuration = configuration;
        this.members = members;
    }

    TimelineView of(CampaignSnapshot campaign, Timeline timeline) {
        List<Task> all = tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaign.id());
        WorkingCalendar calendar = configuration.calendar();
        List<LocalDate> days = workingDays(timeline.getStartDate(), all, calendar);
        Map<UUID, String> names = members.displayNames(all.stream().map(Task::getAssigneeId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<TimelineItemView> items = new ArrayList<>(all.size());
        Map<UUID, Task> byId = new HashMap<>();
        for (Task t : all) {
            byId.put(t.getId(), t);
            items.add(item(t, days, names));
        }
        List<TimelineDependencyView> links = dependencies.findByCampaignId(campaign.id()).stream()
                .filter(d -> byId.containsKey(d.getPredecessorId()) && byId.containsKey(d.getSuccessorId()))
                .map(d -> new TimelineDependencyView(d.getPredecessorId(), d.getSuccessorId(),
                        byId.get(d.getPredecessorId()).isCritical() && byId.get(d.getSuccessorId()).isCritical()))
                .toList();
        String templateName = timeline.getTemplateId() == null ? null
                : templates.find(timeline.getTemplateId()).map(TemplateView::name).orElse(null);
        int critical = (int) items.stream().filter(i -> i.planned() && i.critical()).count();
        // against the campaign's end date as it is now: it may have moved since the plan was laid out
        LocalDate target = campaign.endDate();
        int overrun = TimelinePlanner.overrun(timeline.getEndDate(), target, calendar);
        Integer campaignDays = span(campaign.startDate(), target, calendar);
        int planDays = timeline.getDurationDays() + timeline.getBufferDays();
        return new TimelineView(timeline.getId(), campaign.id(), campaign.name(), timeline.getTemplateId(),
                templateName, timeline.getDirection(), timeline.getStartDate(), timeline.getWorkEndDate(),
                timeline.getEndDate(), timeline.getDurationDays(), timeline.getBufferPct(), timeline.getBufferDays(),
                target, overrun, warning(target, overrun, planDays, campaignDays), critical,
                timeline.getGeneratedAt(), timeline.getRecalculatedAt(), List.copyOf(items), links,
                calendar.holidays().stream().sorted().toList(), campaign.startDate(), campaignDays, planDays);
    }

    /** Working days from the campaign's start to its end, both included; null unless it has both. */
    static Integer span(LocalDate start, LocalDate end, WorkingCalendar calendar) {
        if (start == null || end == null || end.isBefore(start)) {
            return null;
        }
        LocalDate first = calendar.onOrAfter(start);
        LocalDate last = calendar.onOrBefore(end);
        return last.isBefore(first) ? 0 : calendar.between(first, last) + 1;
    }

    /** Working day by offset from the timeline's first day, as far as any task's latest finish reaches. */
    private static List<LocalDate> workingDays(LocalDate first, List<Task> all, WorkingCalendar calendar) {
        int last = all.stream().map(Task::getLatestFinish).filter(Objects::nonNull).mapToInt(Integer::intValue).max()
                .orElse(0);
        List<LocalDate> days = new ArrayList<>(last + 1);
        if (first == null) {
            return days;
        }
        LocalDate day = calendar.onOrAfter(first);
        while (days.size() <= last) {
            days.add(day);
            day = calendar.shift(day, 1);
        }
        return days;
    }

    private static TimelineItemView item(Task t, List<LocalDate> days, Map<UUID, String> names) {
        LocalDate latestStart = null;
        LocalDate latestFinish = null;
        if (t.getLatestStart() != null && t.getLatestFinish() != null && !days.isEmpty()) {
            latestStart = days.get(Math.min(t.getLatestStart(), days.size() - 1));
            int lastDay = t.getLatestFinish() > t.getLatestStart() ? t.getLatestFinish() - 1 : t.getLatestStart();
            latestFinish = days.get(Math.min(lastDay, days.size() - 1));
        }
        return new TimelineItemView(t.getId(), t.getTemplateKey(), t.getKind(), t.getTitle(), t.getStatus(),
                t.getDurationDays(), t.getEstimateHours(), t.getSkills(), t.getPinnedStart(), t.getStartDate(),
                t.getDueDate(), t.getEarliestStart(), t.getEarliestFinish(), t.getLatestStart(), t.getLatestFinish(),
                latestStart, latestFinish, t.getSlackDays(), t.isCritical(), t.getMilestoneId(), t.getAssigneeId(),
                t.getAssigneeId() == null ? null : names.getOrDefault(t.getAssigneeId(), "Former member"),
                t.getPosition());
    }

    /** The short form, for readers who know neither length (the readiness item). */
    static String warning(LocalDate target, int overrunDays) {
        return warning(target, overrunDays, 0, null);
    }

    /**
     * A sentence for people when the plan misses the campaign's end date, e.g. for a banner: how long the plan and the
     * campaign are, when both are known, and by how much the end date is missed.
     */
    static String warning(LocalDate target, int overrunDays, int planDays, Integer campaignDays) {
        if (overrunDays <= 0 || target == null) {
            return null;
        }
        String ends = "ends " + days(overrunDays) + " after the campaign's end date (" + target + ")";
        if (campaignDays == null || planDays <= campaignDays) { // too late rather than too long: lengths say nothing
            return "The plan " + ends;
        }
        return "The plan needs " + days(planDays) + "; the campaign runs " + days(campaignDays) + " — it " + ends;
    }

    private static String days(int n) {
        return n + " working day" + (n == 1 ? "" : "s");
    }
}
