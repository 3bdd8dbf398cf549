package io.flightdeck.planning.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignType;
import org.jspecify.annotations.Nullable;

/**
 * A timeline template as the API and pages show it; {@code durationDays} is the length of its critical path in
 * working days (before any buffer), {@code deletedAt} is set while it sits in the bin.
 */
public record TemplateView(UUID id, CampaignType campaignType, String name, @Nullable String description,
        boolean defaultForType, List<TemplateItem> items, int durationDays, long milestones, long tasks,
        Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt, long version) {
}
