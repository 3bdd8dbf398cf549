package io.flightdeck.strategy;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone withdrew the current version of a campaign's strategy, saying why; the campaign has no current strategy
 * until the next version is saved. Superseding a version by saving a new one publishes {@link StrategyRevised} only.
 *
 * @param strategyId the id of the invalidated version
 */
@DomainEvent
public record StrategyInvalidated(UUID workspaceId, UUID campaignId, UUID strategyId, int version, String reason,
        UUID actorId, Instant at) {
}
