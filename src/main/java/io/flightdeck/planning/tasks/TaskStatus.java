package io.flightdeck.planning.tasks;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.planning.templates.TaskKind;

/** A task's status and the moves allowed from each. Done and cancelled tasks can be reopened. */
public enum TaskStatus {
    TODO("To do"),
    IN_PROGRESS("In progress"),
    BLOCKED("Blocked"),
    IN_REVIEW("In review"),
    DONE("Done"),
    CANCELLED("Cancelled");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<TaskStatus> next() {
        return switch (this) {
            case TODO -> EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(TODO, BLOCKED, IN_REVIEW, DONE, CANCELLED);
            case BLOCKED -> EnumSet.of(TODO, IN_PROGRESS, CANCELLED);
            case IN_REVIEW -> EnumSet.of(IN_PROGRESS, DONE, CANCELLED);
            case DONE -> EnumSet.of(IN_PROGRESS);
            case CANCELLED -> EnumSet.of(TODO);
        };
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }

    /**
     * The moves for a task of this kind: a milestone is an event with no work of its own, so it is completed in one
     * move from to do or blocked, where a task goes through in progress first.
     */
    public Set<TaskStatus> next(TaskKind kind) {
        Set<TaskStatus> moves = next();
        if (kind == TaskKind.MILESTONE && (this == TODO || this == BLOCKED)) {
            moves = EnumSet.copyOf(moves);
            moves.add(DONE);
        }
        return moves;
    }

    /** Refuses a move this status does not allow a task of that kind, naming the statuses it may move to. */
    public void requireMoveTo(TaskStatus target, TaskKind kind) {
        Set<TaskStatus> allowed = next(kind);
        if (!allowed.contains(target)) {
            List<String> words = allowed.stream().map(s -> s.label.toLowerCase(Locale.ROOT)).toList();
            throw new IllegalTransition("A " + (kind == TaskKind.MILESTONE ? "milestone" : "task") + " that is "
                    + label.toLowerCase(Locale.ROOT) + " cannot move to " + target.label.toLowerCase(Locale.ROOT)
                    + "; it can move to " + String.join(", ", words), this, target.name(),
                    allowed.stream().map(TaskStatus::name).toList());
        }
    }

    /** Not done and not cancelled: successors wait for it, and it counts toward workload. */
    public boolean open() {
        return this != DONE && this != CANCELLED;
    }

    /** Statuses that mean work has begun, which needs every predecessor closed. */
    public boolean started() {
        return this == IN_PROGRESS || this == IN_REVIEW || this == DONE;
    }

    public static TaskStatus parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
