package io.flightdeck.strategy;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A campaign's strategy got a new version; published for every version, the first included.
 *
 * @param strategyId      the id of the new version
 * @param previousVersion the version it follows, null for version 1
 */
@DomainEvent
public record StrategyRevised(UUID workspaceId, UUID campaignId, UUID strategyId, int version, Integer previousVersion,
        UUID actorId, Instant at) {
}
