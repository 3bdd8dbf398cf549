package io.flightdeck.campaigns.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.Money;

/** What a person writes about a campaign, for create and update (the lifecycle moves separately). */
public record CampaignDetails(String name, String description, CampaignType type, String objective,
        CampaignPriority priority, Set<Channel> channels, Set<String> tags, LocalDate startDate, LocalDate endDate,
        Money budget, UUID ownerId) {
}
