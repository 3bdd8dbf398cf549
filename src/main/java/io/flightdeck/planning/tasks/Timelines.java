package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateLibrary;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.settings.PlanningSettingsService;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign timelines: generating one from a template, reading it with its critical path, recalculating it, and moving
 * or stretching one task (what the Gantt chart's drag does), which lays the whole plan out again.
 */
@Service
@Transactional
class Timelines implements CampaignTimelines {

    /** Campaigns that are over get no new plan. */
    private static final Set<CampaignStatus> CLOSED = EnumSet.of(CampaignStatus.COMPLETED, CampaignStatus.CANCELLED,
            CampaignStatus.ARCHIVED);
    /** How far from the plan's first day a task may be pinned: keeps plans (and the day-by-day calendar walk) bounded. */
    private static final int MAX_PIN_YEARS = 3;

    private final TimelineRepository timelines;
    private final TaskRepository tasks;
    private final TimelinePlanner planner;
    private final TemplateLibrary templates;
    private final PlanningSettingsService configuration;
    private final CampaignDirectory campaigns;
    private final TimelineViews views;
    private final Clock clock;

    Timelines(TimelineRepository timelines, TaskRepository tasks, TimelinePlanner planner, TemplateLibrary templates,
            PlanningSettingsService configuration, CampaignDirectory campaigns, TimelineViews views, Clock clock) {
        this.timelines = timelines;
        this.tasks = tasks;
        this.planner = planner;
        this.templates = templates;
        this.configuration = configuration;
        this.campaigns = campaigns;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Lays out the campaign's timeline from a template (the default of its type when none is given), backwards from
     * its end date unless told otherwise or it has none. A campaign that already has tasks keeps them unless
     * {@code replace} is set, in which case they are deleted (softly) first.
     */
    @Override
    public TimelineView generate(UUID campaignId, UUID templateId, TimelineDirection direction, boolean replace) {
        CampaignSnapshot campaign = campaign(campaignId);
        if (CLOSED.contains(campaign.status())) {
            throw new ConflictException("campaign-closed",
                    "The campaign is " + campaign.status().label().toLowerCase() + "; it gets no new timeline");
        }
        TemplateView template = templateFor(campaign, templateId);
        TimelineDirection chosen = direction != null ? direction : defaultDirection(campaign);
        if (chosen == TimelineDirection.BACKWARD && campaign.endDate() == null) {
            throw new InvalidInputException("direction",
                    "a backward plan needs the campaign's end date; set one or plan forwards");
        }
        List<Task> existing = tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId);
        if (!existing.isEmpty()) {
            if (!replace) {
                throw new ConflictException("timeline-exists", "The campaign already has " + existing.size()
                        + " tasks; generate with replace to delete them and lay out a new timeline",
                        Map.of("taskCount", existing.size()));
            }
            Instant now = clock.instant();
            existing.forEach(t -> {
                t.delete(now);
                t.unplaced();
            });
            tasks.flush();
        }
        planner.generate(campaign, template, chosen);
        return view(campaign);
    }

    /**
     * For new campaigns, when the workspace has automatic timelines on and the campaign's type has a default template.
     * Idempotent: a campaign with a timeline or tasks is left alone. Answers whether a timeline was generated.
     */
    @Override
    public boolean generateAutomatically(UUID campaignId) {
        if (!configuration.autoTimeline()) {
            return false;
        }
        Optional<CampaignSnapshot> found = campaigns.find(campaignId);
        if (found.isEmpty() || CLOSED.contains(found.get().status())) {
            return false;
        }
        CampaignSnapshot campaign = found.get();
        Optional<TemplateView> template = templates.defaultFor(campaign.type());
        if (template.isEmpty() || timelines.findByCampaignId(campaignId).isPresent()
                || !tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId).isEmpty()) {
            return false;
        }
        planner.generate(campaign, template.get(), defaultDirection(campaign));
        return true;
    }

    /** The campaign's timeline, or empty when it has none yet (404 when the campaign is not found). */
    @Override
    @Transactional(readOnly = true)
    public Optional<TimelineView> find(UUID campaignId) {
        CampaignSnapshot campaign = campaign(campaignId);
        return timelines.findByCampaignId(campaignId).map(t -> views.of(campaign, t));
    }

    @Override
    @Transactional(readOnly = true)
    public TimelineView get(UUID campaignId) {
        return find(campaignId).orElseThrow(() -> new NotFoundException("The campaign's timeline"));
    }

    /** Lays the plan out again from its first day: current durations, pins, dependencies, holidays and buffer. */
    @Override
    public TimelineView recalculate(UUID campaignId) {
        CampaignSnapshot campaign = campaign(campaignId);
        Timeline timeline = planner.recalculate(campaign);
        if (timeline == null) {
            throw new NotFoundException("The campaign's timeline");
        }
        return views.of(campaign, timeline);
    }

    @Override
    @Transactional(readOnly = true)
    public TimelineCriticalPath criticalPath(UUID campaignId) {
        TimelineView timeline = get(campaignId);
        List<TimelineItemView> critical = timeline.items().stream().filter(i -> i.planned() && i.critical())
                .sorted(Comparator.comparing(TimelineItemView::earliestStart)
                        .thenComparing(TimelineItemView::earliestFinish).thenComparing(TimelineItemView::position))
                .toList();
        return new TimelineCriticalPath(campaignId, timeline.durationDays(), timeline.startDate(),
                timeline.workEndDate(), critical);
    }

    /** Pins or unpins a task's start and/or changes its duration, then recalculates the whole plan. */
    @Override
    public TimelineView reschedule(UUID taskId, TimelineScheduleChange change) {
        Task task = tasks.findById(taskId).filter(t -> t.getDeletedAt() == null)
                .orElseThrow(() -> new NotFoundException("The task"));
        CampaignSnapshot campaign = campaign(task.getCampaignId());
        Timeline timeline = timelines.findByCampaignId(campaign.id()).orElseThrow(() -> new ConflictException(
                "no-timeline", "The campaign has no timeline yet; generate one first"));
        LocalDate pin = change.startGiven() ? change.start() : task.getPinnedStart();
        if (change.startGiven() && pin != null) {
            LocalDate first = timeline.getAnchorDate(); // not the start, which early pins move back
            if (pin.isBefore(first.minusYears(MAX_PIN_YEARS)) || pin.isAfter(first.plusYears(MAX_PIN_YEARS))) {
                throw new InvalidInputException("start",
                        "must be within " + MAX_PIN_YEARS + " years of the timeline's first day (" + first + ")");
            }
        }
        int duration = change.durationDays() != null ? change.durationDays() : task.getDurationDays();
        if (change.durationDays() != null) {
            TaskRules.duration(duration);
            if (task.getKind() == TaskKind.MILESTONE && duration != 0) {
                throw new InvalidInputException("durationDays", "a milestone takes 0 days");
            }
        }
        task.reschedule(duration, pin, clock.instant());
        tasks.flush();
        return views.of(campaign, planner.recalculate(campaign));
    }

    /** Live tasks of the campaign, with or without a timeline (generating over them needs replace). */
    @Override
    @Transactional(readOnly = true)
    public int taskCount(UUID campaignId) {
        return tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaignId).size();
    }

    /** The campaign a task belongs to (404 for tasks that are not found), for pages that start from a task. */
    @Override
    @Transactional(readOnly = true)
    public UUID campaignOf(UUID taskId) {
        return tasks.findById(taskId).filter(t -> t.getDeletedAt() == null).map(Task::getCampaignId)
                .orElseThrow(() -> new NotFoundException("The task"));
    }

    private TemplateView templateFor(CampaignSnapshot campaign, UUID templateId) {
        if (templateId != null) {
            try {
                return templates.get(templateId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("templateId", "no such template in this workspace");
            }
        }
        return templates.defaultFor(campaign.type()).orElseThrow(() -> new InvalidInputException("templateId",
                campaign.type().label() + " campaigns have no default template; choose one"));
    }

    /** Forwards from the start date when there is one, so the plan uses the campaign's span from its first day. */
    static TimelineDirection defaultDirection(CampaignSnapshot campaign) {
        return campaign.startDate() == null && campaign.endDate() != null ? TimelineDirection.BACKWARD
                : TimelineDirection.FORWARD;
    }

    private CampaignSnapshot campaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    private TimelineView view(CampaignSnapshot campaign) {
        return views.of(campaign, timelines.findByCampaignId(campaign.id()).orElseThrow());
    }
}
