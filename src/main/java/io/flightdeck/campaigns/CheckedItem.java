package io.flightdeck.campaigns;

/** A readiness item with the check that reported it, so a reader can tell which module said what. */
public record CheckedItem(ReadinessItem item, ReadinessCheck check) {
}
