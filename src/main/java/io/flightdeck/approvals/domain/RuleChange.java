package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;

public record RuleChange(String name, Boolean enabled, String scope, Integer maxWords, List<UUID> trustedMemberIds,
        List<CampaignPriority> campaignPriorities, Integer afterMinutes) {
}
