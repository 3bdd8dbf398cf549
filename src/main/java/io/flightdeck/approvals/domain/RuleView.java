package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import org.jspecify.annotations.Nullable;

/** An auto-approval rule: approve open approvals matching every condition given, after {@code afterMinutes}. */
public record RuleView(UUID id, String name, boolean enabled, @Nullable String scope, Integer maxWords,
        List<UUID> trustedMemberIds, List<CampaignPriority> campaignPriorities, int afterMinutes, long version) {
}
