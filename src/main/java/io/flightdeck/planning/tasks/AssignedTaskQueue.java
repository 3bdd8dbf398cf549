package io.flightdeck.planning.tasks;

import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.AssignedTask;
import io.flightdeck.planning.AssignedTasks;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** {@link AssignedTasks} over the task list My tasks shows: one page, sorted by due date. */
@Service
class AssignedTaskQueue implements AssignedTasks {

    private final CampaignTasks tasks;

    AssignedTaskQueue(CampaignTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<AssignedTask> openFor(UUID memberId, int limit) {
        return tasks.list(TaskFilter.openAssignedTo(memberId, false), TaskSort.DUE_DATE, PageRequest.of(0, Math.max(1, Math.min(limit, 100)))).stream()
                .map(t -> new AssignedTask(t.id(), t.campaignId(), t.campaignName(), t.title(), t.dueDate(),
                        t.overdue(), t.critical(), t.atRisk()))
                .toList();
    }
}
