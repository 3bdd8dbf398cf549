package io.flightdeck.planning.tasks;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.planning.TaskCard;
import io.flightdeck.planning.TaskDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TaskCards implements TaskDirectory {

    private final TaskRepository tasks;

    TaskCards(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TaskCard> find(UUID taskId) {
        return tasks.findByIdAndDeletedAtIsNull(taskId).map(task -> new TaskCard(task.getId(), task.getCampaignId(),
                task.getTitle(), task.getDueDate(), task.getAssigneeId()));
    }
}
