package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;

public record CampaignCompleted(UUID workspaceId, UUID campaignId, UUID actorId, Instant at) {
}
