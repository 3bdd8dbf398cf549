package io.flightdeck.campaigns;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.Money;

/** A campaign as other modules see it: what readiness checks and listeners get. */
public record CampaignSnapshot(UUID id, UUID workspaceId, String name, String description, CampaignType type,
        String objective, CampaignPriority priority, CampaignStatus status, Set<Channel> channels, Set<String> tags,
        LocalDate startDate, LocalDate endDate, Money budget, UUID ownerId) {
}
