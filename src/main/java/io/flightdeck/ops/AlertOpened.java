package io.flightdeck.ops;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A system alert opened in a workspace: its rule's condition held for as long as the rule asks.
 *
 * @param severity {@code INFO}, {@code WARNING} or {@code CRITICAL}
 * @param message  what holds, in words: "Kinds of job stalled is 2, above 0, for 5 minutes"
 */
@DomainEvent
public record AlertOpened(UUID workspaceId, UUID alertId, String ruleName, String severity, String message,
        Instant at) {
}
