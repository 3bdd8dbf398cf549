package io.flightdeck.planning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, UUID> {

    List<Task> findByCampaignIdAndDeletedAtIsNullOrderByPositionAsc(UUID campaignId);

    /** Open tasks with an assignee whose dates overlap [from, to]: what fills members' weeks. */
    @Query("""
            select t from Task t where t.assigneeId is not null and t.deletedAt is null
              and t.status not in (io.flightdeck.planning.domain.TaskStatus.DONE, io.flightdeck.planning.domain.TaskStatus.CANCELLED)
              and t.startDate <= :to and t.dueDate >= :from""")
    List<Task> findAssignedOpenBetween(LocalDate from, LocalDate to);

    /** Tasks completed since a moment, for throughput, on-time rate and cycle time. */
    @Query("""
            select t from Task t where t.deletedAt is null and t.completedAt >= :since
              and t.status = io.flightdeck.planning.domain.TaskStatus.DONE""")
    List<Task> findCompletedSince(Instant since);
}
