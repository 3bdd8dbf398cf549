package io.flightdeck.planning.tasks;

import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/** The orders a task list offers: by due date (undated last), by priority (urgent first), or as planned. */
public enum TaskSort {
    DUE_DATE, PRIORITY, POSITION;

    /** {@code dueDate}, {@code priority} or {@code position}; null means the given default. */
    public static TaskSort parse(String value, TaskSort fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT).replace("_", "")) {
            case "duedate", "due" -> DUE_DATE;
            case "priority" -> PRIORITY;
            case "position", "plan" -> POSITION;
            default -> throw new InvalidInputException("sort", "must be dueDate, priority or position");
        };
    }

    public String key() {
        return switch (this) {
            case DUE_DATE -> "dueDate";
            case PRIORITY -> "priority";
            case POSITION -> "position";
        };
    }
}
