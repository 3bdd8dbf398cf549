package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;

public record CampaignMarkedReady(UUID workspaceId, UUID campaignId, UUID actorId, Instant at) {
}
