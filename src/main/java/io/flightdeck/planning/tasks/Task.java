package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.TaskCompleted;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateItem;
import io.flightdeck.planning.scheduling.CriticalPath;
import io.flightdeck.planning.scheduling.TimelineLayout;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.planning.TaskDeadline;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A piece of a campaign's work, or a milestone (duration 0). Dates come from the timeline's layout unless someone
 * pins the start; the critical-path figures are day offsets from the timeline's first working day.
 */
@Entity
@Table(name = "tasks")
@Indexed(index = "search-tasks")
@SearchableDocument(dependsOn = {"title", "description", "status", "assigneeId", "dueDate", "createdAt", "deletedAt", "campaignId"})
class Task extends TenantOwnedEntity implements Searchable {

    private UUID campaignId;
    private UUID timelineId;
    private String templateKey;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private TaskStatus status = TaskStatus.TODO;
    @Enumerated(EnumType.STRING)
    private CampaignPriority priority = CampaignPriority.MEDIUM;
    private double estimateHours;
    private int durationDays;
    private LocalDate pinnedStart;
    private LocalDate startDate;
    private LocalDate dueDate;
    /** The due date the due-soon reminder was sent for, and the overdue one ({@link #remind}). */
    @jakarta.persistence.Column(name = "due_soon_told")
    private LocalDate dueSoonTold;
    @jakarta.persistence.Column(name = "overdue_told")
    private LocalDate overdueTold;
    private UUID milestoneId;
    private UUID assigneeId;
    /** auto or manual: who made the current assignment. */
    private String assignedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Integer> skills = new LinkedHashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<ChecklistItem> checklist = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Attachment> attachments = new ArrayList<>();
    private int position;
    private Integer earliestStart;
    private Integer earliestFinish;
    private Integer latestStart;
    private Integer latestFinish;
    private Integer slackDays;
    private boolean critical;
    private Instant startedAt;
    private Instant completedAt;
    private UUID createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private Long version;

    protected Task() {
    }

    Task(UUID campaignId, UUID timelineId, TaskKind kind, String title, UUID createdBy, Instant now) {
        this.campaignId = campaignId;
        this.timelineId = timelineId;
        this.kind = kind;
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Copies a template item's plan: duration, estimate and skills. */
    static Task fromTemplate(UUID campaignId, UUID timelineId, TemplateItem item, CampaignPriority priority,
            int position, UUID createdBy, Instant now) {
        Task task = new Task(campaignId, timelineId, item.kind(), item.title(), createdBy, now);
        task.templateKey = item.key();
        task.priority = priority;
        task.durationDays = item.kind() == TaskKind.MILESTONE ? 0 : item.durationDays();
        task.estimateHours = item.estimateHours();
        task.skills = new LinkedHashMap<>(item.skills());
        task.position = position;
        return task;
    }

    void describe(String title, String description, CampaignPriority priority, double estimateHours,
            Map<String, Integer> skills, List<ChecklistItem> checklist, List<Attachment> attachments, Instant now) {
        this.title = title;
        this.description = description;
        this.priority = priority;
        this.estimateHours = estimateHours;
        this.skills = new LinkedHashMap<>(skills);
        this.checklist = new ArrayList<>(checklist);
        this.attachments = new ArrayList<>(attachments);
        this.updatedAt = now;
    }

    void reschedule(int durationDays, LocalDate pinnedStart, Instant now) {
        this.durationDays = kind == TaskKind.MILESTONE ? 0 : durationDays;
        this.pinnedStart = pinnedStart;
        this.updatedAt = now;
    }

    /** Dates for a task outside any timeline, set by hand. */
    void dateByHand(LocalDate startDate, LocalDate dueDate, Instant now) {
        this.startDate = startDate;
        this.dueDate = dueDate;
        this.updatedAt = now;
    }

    void placed(TimelineLayout.Placed placed) {
        this.startDate = placed.start();
        this.dueDate = placed.finish();
        CriticalPath.Schedule s = placed.schedule();
        this.earliestStart = s.earliestStart();
        this.earliestFinish = s.earliestFinish();
        this.latestStart = s.latestStart();
        this.latestFinish = s.latestFinish();
        this.slackDays = s.slack();
        this.critical = s.critical();
    }

    /** Out of the plan (cancelled or deleted): no longer on the critical path. */
    void unplaced() {
        this.earliestStart = null;
        this.earliestFinish = null;
        this.latestStart = null;
        this.latestFinish = null;
        this.slackDays = null;
        this.critical = false;
    }

    /**
     * Moves the task to another status. The task guards its own rules: only the moves its status allows
     * ({@link TaskStatus#requireMoveTo}), and a start (in progress, in review, done) only once no predecessor is open
     * (else {@link PredecessorsOpen}). The caller passes the open predecessors, since the task does not load other
     * tasks.
     */
    void moveTo(TaskStatus target, List<Task> openPredecessors, UUID actorId, Instant now) {
        status.requireMoveTo(target, kind);
        if (target.started() && !openPredecessors.isEmpty()) {
            throw new PredecessorsOpen(title, openPredecessors);
        }
        if (target == TaskStatus.IN_PROGRESS && startedAt == null) {
            startedAt = now;
        }
        completedAt = target == TaskStatus.DONE ? now : null;
        this.status = target;
        this.updatedAt = now;
        if (target == TaskStatus.DONE) {
            registerEvent(new TaskCompleted(getTenantId(), getId(), campaignId, assigneeId, dueDate, actorId, now));
        }
    }

    /** A move by nobody in particular (demo data, tests) for a task with no open predecessors that matter. */
    void moveTo(TaskStatus target, Instant now) {
        moveTo(target, List.of(), null, now);
    }

    void assign(UUID assigneeId, String assignedBy, Instant now) {
        this.assigneeId = assigneeId;
        this.assignedBy = assigneeId == null ? null : assignedBy;
        this.updatedAt = now;
    }

    /** Replaces the checklist (ticking an item, adding or removing one). */
    void checklist(List<ChecklistItem> checklist, Instant now) {
        this.checklist = new ArrayList<>(checklist);
        this.updatedAt = now;
    }

    void linkMilestone(UUID milestoneId) {
        this.milestoneId = milestoneId;
    }

    void position(int position) {
        this.position = position;
    }

    void delete(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    /**
     * Back from the bin into the campaign's plan as it is now: a task made by hand before the campaign got its
     * timeline joins that timeline, so its dates come from the plan from here on.
     */
    void restore(UUID currentTimelineId, Instant now) {
        this.deletedAt = null;
        if (currentTimelineId != null) {
            this.timelineId = currentTimelineId;
        }
        this.updatedAt = now;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Tells the assignee once per kind and due date that the task is due today or tomorrow, or overdue; answers
     * whether it raised anything. The repository's save publishes the {@link TaskDeadline}.
     */
    boolean remind(UUID workspaceId, LocalDate today, Instant now) {
        if (!status.open() || assigneeId == null || dueDate == null || isDeleted()) {
            return false;
        }
        if (dueDate.isBefore(today)) {
            if (dueDate.equals(overdueTold)) {
                return false;
            }
            overdueTold = dueDate;
        } else if (!dueDate.isAfter(today.plusDays(1))) {
            if (dueDate.equals(dueSoonTold)) {
                return false;
            }
            dueSoonTold = dueDate;
        } else {
            return false;
        }
        registerEvent(new TaskDeadline(workspaceId, getId(), campaignId, assigneeId, dueDate, dueDate.isBefore(today),
                now));
        return true;
    }

    /** Past its due date and still open. */
    boolean overdue(LocalDate today) {
        return status.open() && dueDate != null && dueDate.isBefore(today);
    }

    /** On the critical path and either late (overdue, or not started past its latest start) or nobody's. */
    boolean atRisk(LocalDate today, LocalDate latestStartDate) {
        if (!status.open() || !critical || kind == TaskKind.MILESTONE) {
            return false;
        }
        boolean lateToStart = status == TaskStatus.TODO && latestStartDate != null && latestStartDate.isBefore(today);
        return assigneeId == null || overdue(today) || lateToStart;
    }

    UUID getCampaignId() { return campaignId; }
    UUID getTimelineId() { return timelineId; }
    String getTemplateKey() { return templateKey; }
    TaskKind getKind() { return kind; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    TaskStatus getStatus() { return status; }
    CampaignPriority getPriority() { return priority; }
    double getEstimateHours() { return estimateHours; }
    int getDurationDays() { return durationDays; }
    LocalDate getPinnedStart() { return pinnedStart; }
    LocalDate getStartDate() { return startDate; }
    LocalDate getDueDate() { return dueDate; }
    UUID getMilestoneId() { return milestoneId; }
    UUID getAssigneeId() { return assigneeId; }
    String getAssignedBy() { return assignedBy; }
    Map<String, Integer> getSkills() { return Map.copyOf(skills); }
    List<ChecklistItem> getChecklist() { return List.copyOf(checklist); }
    List<Attachment> getAttachments() { return List.copyOf(attachments); }
    int getPosition() { return position; }
    Integer getEarliestStart() { return earliestStart; }
    Integer getEarliestFinish() { return earliestFinish; }
    Integer getLatestStart() { return latestStart; }
    Integer getLatestFinish() { return latestFinish; }
    Integer getSlackDays() { return slackDays; }
    boolean isCritical() { return critical; }
    Instant getStartedAt() { return startedAt; }
    Instant getCompletedAt() { return completedAt; }
    UUID getCreatedBy() { return createdBy; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getDeletedAt() { return deletedAt; }
    Long getVersion() { return version; }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("task", title, description, status.name(), assigneeId, null, null,
                dueDate != null ? SearchDocument.day(dueDate) : createdAt, campaignId, "/tasks/" + getId(),
                deletedAt != null);
    }
}
