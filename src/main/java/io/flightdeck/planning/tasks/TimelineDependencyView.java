package io.flightdeck.planning.tasks;

import java.util.UUID;

/** Finish-to-start: the successor starts after the predecessor finishes; {@code critical} when both are critical. */
public record TimelineDependencyView(UUID predecessorId, UUID successorId, boolean critical) {
}
