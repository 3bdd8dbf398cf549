package io.flightdeck.ops;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A system alert was resolved: its condition cleared ({@code resolvedBy} null), or a person resolved it.
 */
@DomainEvent
public record AlertResolved(UUID workspaceId, UUID alertId, String ruleName, @Nullable UUID resolvedBy, Instant at) {
}
