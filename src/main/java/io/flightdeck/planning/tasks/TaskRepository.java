package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, UUID>, JpaSpecificationExecutor<Task> {

    List<Task> findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(UUID campaignId);

    /**
     * The campaign's open tasks on the critical path (not milestones), in plan order, as the few fields readiness
     * reads: a plan of hundreds of tasks has a few dozen of them, and none is loaded as an entity.
     */
    @Query("""
            select new io.flightdeck.planning.tasks.CriticalTask(t.id, t.title, t.assigneeId, t.dueDate) from Task t
            where t.campaignId = ?1 and t.deletedAt is null and t.critical = true
              and t.kind = io.flightdeck.planning.templates.TaskKind.TASK
              and t.status not in (io.flightdeck.planning.tasks.TaskStatus.DONE,
                                   io.flightdeck.planning.tasks.TaskStatus.CANCELLED)
            order by t.position""")
    List<CriticalTask> findOpenCritical(UUID campaignId);

    Optional<Task> findByIdAndDeletedAtIsNull(UUID id);

    /** Open tasks with an assignee whose dates overlap [from, to]: what fills members' weeks. */
    @Query("""
            select t from Task t where t.assigneeId is not null and t.deletedAt is null
              and t.status not in (io.flightdeck.planning.tasks.TaskStatus.DONE, io.flightdeck.planning.tasks.TaskStatus.CANCELLED)
              and t.startDate <= :to and t.dueDate >= :from""")
    List<Task> findAssignedOpenBetween(LocalDate from, LocalDate to);

    /** Assigned tasks that were not cancelled (done ones included) whose dates overlap [from, to]: past utilisation. */
    @Query("""
            select t from Task t where t.assigneeId is not null and t.deletedAt is null
              and t.status <> io.flightdeck.planning.tasks.TaskStatus.CANCELLED
              and t.startDate <= :to and t.dueDate >= :from""")
    List<Task> findAssignedNotCancelledBetween(LocalDate from, LocalDate to);

    /** Open assigned tasks due by {@code until}: those a deadline reminder may be owed for. */
    @Query("""
            select t from Task t where t.assigneeId is not null and t.deletedAt is null and t.dueDate <= :until
              and t.status not in (io.flightdeck.planning.tasks.TaskStatus.DONE, io.flightdeck.planning.tasks.TaskStatus.CANCELLED)
              and (t.overdueTold is null or t.overdueTold <> t.dueDate)""")
    List<Task> findDueUntilNotYetTold(LocalDate until);

    /** The workspaces with an open assigned task due by {@code until}; a system-scope query. */
    @Query("""
            select distinct t.tenantId from Task t where t.assigneeId is not null and t.deletedAt is null
              and t.dueDate <= :until
              and t.status not in (io.flightdeck.planning.tasks.TaskStatus.DONE, io.flightdeck.planning.tasks.TaskStatus.CANCELLED)""")
    List<UUID> workspacesWithTasksDueUntil(LocalDate until);

    /** Tasks completed since a moment, for throughput, on-time rate and cycle time. */
    @Query("""
            select t from Task t where t.deletedAt is null and t.completedAt >= :since
              and t.status = io.flightdeck.planning.tasks.TaskStatus.DONE""")
    List<Task> findCompletedSince(Instant since);

    /** The next free position at the end of a campaign's plan (deleted tasks keep theirs, so restoring needs no shuffle). */
    @Query("select coalesce(max(t.position), -1) + 1 from Task t where t.campaignId = :campaignId")
    int nextPosition(UUID campaignId);

    /** The timelines of several campaigns in one query, for the at-risk flags of a page of tasks. */
    @Query("select tl from Timeline tl where tl.campaignId in :campaignIds")
    List<Timeline> timelinesOf(Collection<UUID> campaignIds);
}
