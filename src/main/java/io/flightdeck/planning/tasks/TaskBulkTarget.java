package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTargetSupport;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Tasks for bulk operations: change status, assign, reschedule (shift hand-set dates) and delete, each through the same
 * service method a single change uses ({@link Tasks}, {@link TaskAssignments}), so its state moves and checks apply.
 * What undo needs is the value before and the task's version after the change: a task whose version moved since was
 * changed by someone (or something) else, and its undo is refused rather than overwriting that.
 */
@Component
class TaskBulkTarget extends BulkTargetSupport {

    static final String STATUS = "status";
    static final String ASSIGN = "assign";
    static final String RESCHEDULE = "reschedule";
    static final String DELETE = "delete";

    private static final List<BulkAction> ACTIONS = List.of(
            new BulkAction(STATUS, "Change status", Role.CONTRIBUTOR, List.of("status"), true),
            new BulkAction(ASSIGN, "Assign", Role.MANAGER, List.of("assigneeId"), true),
            new BulkAction(RESCHEDULE, "Reschedule", Role.CONTRIBUTOR, List.of("shiftDays"), true),
            new BulkAction(DELETE, "Delete", Role.CONTRIBUTOR, List.of(), true));

    private final Tasks tasks;
    private final TaskAssignments assignments;
    private final TaskRepository repository;
    private final TaskDependencyRepository dependencies;

    TaskBulkTarget(Tasks tasks, TaskAssignments assignments, TaskRepository repository,
            TaskDependencyRepository dependencies) {
        super("tasks", "Tasks", "task", ACTIONS);
        this.tasks = tasks;
        this.assignments = assignments;
        this.repository = repository;
        this.dependencies = dependencies;
    }

    @Override
    public Map<String, String> choices(String param) {
        Map<String, String> choices = new LinkedHashMap<>();
        switch (param) {
            case "status" -> Arrays.stream(TaskStatus.values())
                    .forEach(status -> choices.put(status.name().toLowerCase(Locale.ROOT), status.label()));
            case "assigneeId" -> {
                choices.put("", "Nobody");
                assignments.assignableMembers().forEach(m -> choices.put(m.userId().toString(), m.displayName()));
            }
            default -> {
            }
        }
        return choices;
    }

    @Override
    public void check(String action, BulkParams params) {
        // an assignee is checked whenever one is named: another workspace's member is refused before anything is written
        if (params.assigneeId() != null && assignments.assignableMembers().stream()
                .noneMatch(m -> m.userId().equals(params.assigneeId()))) {
            throw new InvalidInputException("params.assigneeId",
                    "must be a member of this workspace who can be assigned work (contributor or above)");
        }
        switch (action) {
            case STATUS -> status(params.status());
            case RESCHEDULE -> checkShift(params.shiftDays());
            default -> {
            }
        }
    }

    @Override
    public String name(UUID id) {
        return repository.findById(id).map(Task::getTitle).orElse(null);
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        return namesOf(repository.findAllById(ids), Task::getId, Task::getTitle);
    }

    @Override
    public void load(Collection<UUID> ids) {
        repository.findAllById(ids);
        PreloadedPredecessors.hold(ids, dependencies.findBySuccessorIdIn(ids));
    }

    @Override
    public Map<String, String> apply(UUID id, String action, BulkParams params) {
        Task task = tasks.live(id);
        Map<String, String> before = new HashMap<>();
        switch (action) {
            case STATUS -> {
                before.put("status", task.getStatus().name());
                tasks.moved(id, status(params.status()));
            }
            case ASSIGN -> {
                before.put("assigneeId", Objects.toString(task.getAssigneeId(), ""));
                assignments.assign(id, params.assigneeId());
            }
            case RESCHEDULE -> {
                if (task.getTimelineId() != null) {
                    throw new InvalidInputException("shiftDays", "This task's dates come from its campaign's "
                            + "timeline; move it on the timeline instead");
                }
                if (task.getStartDate() == null && task.getDueDate() == null) {
                    throw new InvalidInputException("shiftDays", "This task has no dates to shift");
                }
                before.put("startDate", Objects.toString(task.getStartDate(), ""));
                before.put("dueDate", Objects.toString(task.getDueDate(), ""));
                tasks.update(id, dates(shift(task.getStartDate(), params.shiftDays()),
                        shift(task.getDueDate(), params.shiftDays())), null);
            }
            case DELETE -> tasks.delete(id);
            default -> throw new InvalidInputException("action", "tasks have no action " + action);
        }
        return withVersionAfter(before, repository, id, Task::getVersion);
    }

    @Override
    public void undo(UUID id, String action, Map<String, String> restore) {
        Task task = repository.findById(id).orElseThrow(() -> new NotFoundException("The task"));
        unchangedSince(task.getVersion(), restore, "The task");
        switch (action) {
            case STATUS -> tasks.moved(id, TaskStatus.valueOf(restore.get("status")));
            case ASSIGN -> assignments.assign(id, uuid(restore.get("assigneeId")));
            case RESCHEDULE -> tasks.update(id, dates(date(restore.get("startDate")), date(restore.get("dueDate"))),
                    null);
            case DELETE -> tasks.restore(id);
            default -> throw new InvalidInputException("action", "tasks have no action " + action);
        }
    }

    private static TaskStatus status(String status) {
        return Arrays.stream(TaskStatus.values()).filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new InvalidInputException("params.status", "must be one of "
                        + Arrays.toString(TaskStatus.values())));
    }

    private static TaskChange dates(LocalDate start, LocalDate due) {
        return new TaskChange(null, null, null, null, null, null, start, due, null, null, false, true, null, null);
    }

    private static LocalDate shift(LocalDate date, int days) {
        return date == null ? null : date.plusDays(days);
    }

    private static LocalDate date(String text) {
        return text == null || text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static UUID uuid(String text) {
        return text == null || text.isEmpty() ? null : UUID.fromString(text);
    }
}
