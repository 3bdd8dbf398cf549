package io.flightdeck.assets.domain;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.Money;

/** What a member sets on a campaign space, on create and on update. */
public record CampaignSpaceDetails(UUID campaignId, String name, String description, AdPlatform platform,
        String externalCampaignId, String objective, String audience, Money budget, ImportSource importSource,
        Set<String> tags, String category, boolean template, boolean active, String brand) {
}
