package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

@DomainEvent
public record CampaignPaused(UUID workspaceId, UUID campaignId, UUID actorId, Instant at) {
}
