package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as the API and pages show it, with the lifecycle moves allowed from its status and the date its launch
 * is scheduled for, if any.
 */
public record CampaignView(UUID id, String name, @Nullable String description, CampaignType type,
        @Nullable String objective, CampaignPriority priority, CampaignStatus status, @Nullable LocalDate startDate,
        @Nullable LocalDate endDate, @Nullable Money budget, UUID ownerId, String ownerName, Set<Channel> channels,
        Set<String> tags, List<String> allowedTransitions, boolean forcedLaunch, @Nullable String forcedLaunchReason,
        UUID createdBy, String createdByName, Instant createdAt, UUID updatedBy, String updatedByName,
        Instant updatedAt, long version, @Nullable LocalDate launchScheduledFor) {
}
