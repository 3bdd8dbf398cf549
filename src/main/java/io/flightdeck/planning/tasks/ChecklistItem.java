package io.flightdeck.planning.tasks;

/** One line of a task's checklist. */
public record ChecklistItem(String text, boolean done) {
}
