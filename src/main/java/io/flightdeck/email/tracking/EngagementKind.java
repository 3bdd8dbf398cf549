package io.flightdeck.email.tracking;

/** What a tracked request was: the open pixel loaded, or a link followed. */
public enum EngagementKind {
    OPEN,
    CLICK
}
