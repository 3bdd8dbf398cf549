package io.flightdeck.planning.templates;

/** A task is work with a duration; a milestone marks a date (duration 0) that tasks lead to. */
public enum TaskKind {
    TASK, MILESTONE
}
