package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;

public record CampaignCancelled(UUID workspaceId, UUID campaignId, UUID actorId, Instant at) {
}
