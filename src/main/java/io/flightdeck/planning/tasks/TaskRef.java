package io.flightdeck.planning.tasks;

import java.util.UUID;

/** Another task as a task's page names it: a predecessor, a successor, its milestone. */
public record TaskRef(UUID id, String title, TaskStatus status) {
}
