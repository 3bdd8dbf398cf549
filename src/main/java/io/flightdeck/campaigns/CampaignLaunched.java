package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;

public record CampaignLaunched(UUID workspaceId, UUID campaignId, UUID actorId, Instant at, boolean forced) {
}
