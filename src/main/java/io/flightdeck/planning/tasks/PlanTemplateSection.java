package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateItem;
import io.flightdeck.planning.templates.TemplateLibrary;
import io.flightdeck.planning.templates.TemplateView;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's plan: its timeline's direction and every live task with its duration, pin,
 * dependencies, milestone, checklist (unticked) and assignee, dates as days from the campaign's start. The new
 * campaign's timeline is laid out again from its own dates by the same planner, so holidays and weekends fall where
 * they fall in the new quarter; statuses start over.
 */
@Component
class PlanTemplateSection implements CampaignTemplateSection {

    private final TimelineRepository timelines;
    private final TaskRepository tasks;
    private final TaskDependencyRepository dependencies;
    private final TimelinePlanner planner;
    private final TemplateLibrary library;
    private final JsonMapper json;
    private final Clock clock;

    PlanTemplateSection(TimelineRepository timelines, TaskRepository tasks, TaskDependencyRepository dependencies,
            TimelinePlanner planner, TemplateLibrary library, JsonMapper json, Clock clock) {
        this.timelines = timelines;
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.planner = planner;
        this.library = library;
        this.json = json;
        this.clock = clock;
    }

    /** The plan as a template keeps it; {@code direction} is null when the campaign's tasks are on no timeline. */
    record CapturedPlan(TimelineDirection direction, UUID timelineTemplateId, List<CapturedTask> tasks) {
    }

    /** One task; offsets are days from the campaign's start, {@code key}s name predecessors and milestones. */
    record CapturedTask(String key, boolean onTimeline, String title, String description, TaskKind kind,
            io.flightdeck.campaigns.CampaignPriority priority, double estimateHours, int durationDays,
            Map<String, Integer> skills, List<String> checklist, List<Attachment> attachments, List<String> dependsOn,
            String milestone, UUID assigneeId, Integer pinnedOffset, Integer startOffset, Integer dueOffset) {
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.TASKS;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        List<Task> live = tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaign.id());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Optional<Timeline> timeline = timelines.findByCampaignId(campaign.id());
        LocalDate base = campaign.startDate() != null ? campaign.startDate()
                : timeline.map(Timeline::getAnchorDate).orElseGet(() -> live.stream().map(Task::getStartDate)
                        .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null));
        Map<UUID, String> keys = keys(live);
        Map<UUID, List<String>> predecessors = new HashMap<>();
        for (TaskDependency link : dependencies.findByCampaignId(campaign.id())) {
            if (keys.containsKey(link.getPredecessorId()) && keys.containsKey(link.getSuccessorId())) {
                predecessors.computeIfAbsent(link.getSuccessorId(), id -> new ArrayList<>())
                        .add(keys.get(link.getPredecessorId()));
            }
        }
        List<CapturedTask> captured = live.stream().map(t -> new CapturedTask(keys.get(t.getId()),
                t.getTimelineId() != null, t.getTitle(), t.getDescription(), t.getKind(), t.getPriority(),
                t.getEstimateHours(), t.getDurationDays(), t.getSkills(),
                t.getChecklist().stream().map(ChecklistItem::text).toList(), t.getAttachments(),
                predecessors.getOrDefault(t.getId(), List.of()), t.getMilestoneId() == null ? null : keys.get(t.getMilestoneId()),
                t.getAssigneeId(), offset(base, t.getPinnedStart()),
                t.getTimelineId() == null ? offset(base, t.getStartDate()) : null,
                t.getTimelineId() == null ? offset(base, t.getDueDate()) : null)).toList();
        long milestones = live.stream().filter(t -> t.getKind() == TaskKind.MILESTONE).count();
        return Optional.of(new Captured(json.valueToTree(new CapturedPlan(
                timeline.map(Timeline::getDirection).orElse(null), timeline.map(Timeline::getTemplateId).orElse(null),
                captured)), (live.size() - milestones) + " tasks, " + milestones + " milestones"));
    }

    @Override
    public List<String> apply(CampaignSnapshot campaign, JsonNode content, TemplateCopy copy) {
        CapturedPlan plan = json.treeToValue(content, CapturedPlan.class);
        Instant now = clock.instant();
        LocalDate start = campaign.startDate() != null ? campaign.startDate() : LocalDate.now(clock);
        List<CapturedTask> onTimeline = plan.tasks().stream().filter(CapturedTask::onTimeline).toList();
        Map<String, Task> byKey = new HashMap<>();
        if (plan.direction() != null && !onTimeline.isEmpty()) {
            Set<String> planned = new HashSet<>();
            onTimeline.forEach(t -> planned.add(t.key()));
            List<TemplateItem> items = onTimeline.stream().map(t -> new TemplateItem(t.key(), t.title(), t.kind(),
                    t.durationDays(), t.estimateHours(), t.skills(),
                    t.dependsOn().stream().filter(planned::contains).toList(),
                    planned.contains(t.milestone()) ? t.milestone() : null)).toList();
            UUID templateId = plan.timelineTemplateId() != null && library.find(plan.timelineTemplateId()).isPresent()
                    ? plan.timelineTemplateId() : null;
            planner.generate(campaign, new TemplateView(templateId, campaign.type(), "Campaign template", null, false,
                    items, 0, 0, 0, now, now, null, 0), plan.direction());
            tasks.findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(campaign.id())
                    .forEach(t -> byKey.put(t.getTemplateKey(), t));
        }
        UUID actorId = CurrentActor.require().userId();
        int position = tasks.nextPosition(campaign.id());
        List<Task> handmade = new ArrayList<>();
        for (CapturedTask captured : plan.tasks()) {
            Task task = byKey.get(captured.key());
            if (task == null) {
                task = new Task(campaign.id(), null, captured.kind(), captured.title(), actorId, now);
                task.position(position++);
                task.dateByHand(day(start, captured.startOffset()), day(start, captured.dueOffset()), now);
                handmade.add(task);
                byKey.put(captured.key(), task);
            }
            task.describe(captured.title(), captured.description(), captured.priority(), captured.estimateHours(),
                    captured.skills(), captured.checklist().stream().map(text -> new ChecklistItem(text, false)).toList(),
                    captured.attachments(), now);
            if (captured.assigneeId() != null) {
                task.assign(captured.assigneeId(), "manual", now);
            }
        }
        tasks.saveAll(handmade);
        links(campaign.id(), plan.tasks(), byKey, now);
        boolean pinned = false;
        for (CapturedTask captured : plan.tasks()) {
            if (captured.pinnedOffset() != null) {
                Task task = byKey.get(captured.key());
                task.reschedule(task.getDurationDays(), day(start, captured.pinnedOffset()), now);
                pinned |= task.getTimelineId() != null;
            }
        }
        if (pinned) {
            tasks.flush();
            planner.recalculate(campaign);
        }
        return List.of();
    }

    /** Dependencies and milestones among tasks off the timeline (the planner links those on it). */
    private void links(UUID campaignId, List<CapturedTask> captured, Map<String, Task> byKey, Instant now) {
        List<TaskDependency> links = new ArrayList<>();
        for (CapturedTask t : captured) {
            Task successor = byKey.get(t.key());
            boolean planned = successor.getTimelineId() != null;
            for (String predecessor : t.dependsOn()) {
                Task before = byKey.get(predecessor);
                if (before != null && !(planned && before.getTimelineId() != null)) {
                    links.add(new TaskDependency(campaignId, before.getId(), successor.getId(), now));
                }
            }
            if (t.milestone() != null && byKey.containsKey(t.milestone()) && successor.getMilestoneId() == null) {
                successor.linkMilestone(byKey.get(t.milestone()).getId());
            }
        }
        dependencies.saveAll(links);
    }

    /** Each task's template key when it has a unique one (what the timeline shows), else its place in the list. */
    private static Map<UUID, String> keys(List<Task> live) {
        Map<String, Long> counts = new HashMap<>();
        live.forEach(t -> counts.merge(String.valueOf(t.getTemplateKey()), 1L, Long::sum));
        Map<UUID, String> keys = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            Task t = live.get(i);
            keys.put(t.getId(), t.getTemplateKey() != null && counts.get(t.getTemplateKey()) == 1
                    ? t.getTemplateKey() : "task-" + (i + 1));
        }
        return keys;
    }

    private static Integer offset(LocalDate base, LocalDate day) {
        return base == null || day == null ? null : (int) ChronoUnit.DAYS.between(base, day);
    }

    private static LocalDate day(LocalDate start, Integer offset) {
        return offset == null ? null : start.plusDays(offset);
    }
}
