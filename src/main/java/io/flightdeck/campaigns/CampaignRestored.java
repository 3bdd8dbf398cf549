package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A campaign came back from the trash; modules that hid its parts when it was deleted show them again. */
@DomainEvent
public record CampaignRestored(UUID workspaceId, UUID campaignId, UUID actorId, Instant at) {
}
