package io.flightdeck.planning.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDependencyRepository extends JpaRepository<TaskDependency, UUID> {

    List<TaskDependency> findByCampaignId(UUID campaignId);

    List<TaskDependency> findBySuccessorIdIn(Collection<UUID> successorIds);

    List<TaskDependency> findByPredecessorIdOrSuccessorId(UUID predecessorId, UUID successorId);

    /** Every link touching a page of tasks, in one query. */
    List<TaskDependency> findByPredecessorIdInOrSuccessorIdIn(Collection<UUID> predecessorIds,
            Collection<UUID> successorIds);

    Optional<TaskDependency> findByPredecessorIdAndSuccessorId(UUID predecessorId, UUID successorId);
}
