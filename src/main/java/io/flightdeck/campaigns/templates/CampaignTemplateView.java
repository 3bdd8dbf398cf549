package io.flightdeck.campaigns.templates;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A template as the library shows it: its label, the campaign fields it sets, and what each part carries in words.
 *
 * @param durationDays days from a new campaign's start to its end; null when the source campaign had no end date
 */
public record CampaignTemplateView(UUID id, String name, @Nullable String description, String category,
        TemplateVisibility visibility, UUID ownerId, String ownerName, @Nullable UUID sourceCampaignId,
        CampaignType campaignType, @Nullable String brief, @Nullable String objective, CampaignPriority priority,
        Set<Channel> channels, Set<String> tags, @Nullable Integer durationDays, @Nullable Money budget,
        List<CarriedPart> parts, int uses, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt, long version) {

    /** One part the template carries, with what it holds in words (12 tasks, 3 milestones). */
    public record CarriedPart(TemplatePart part, String label, String summary) {
    }
}
