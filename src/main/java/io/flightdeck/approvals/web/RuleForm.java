package io.flightdeck.approvals.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.RuleChange;
import io.flightdeck.campaigns.CampaignPriority;

/** The form that adds an auto-approval rule; empty fields are conditions not used. */
record RuleForm(String name, String scope, Integer maxWords, List<UUID> trustedMemberIds,
        List<CampaignPriority> campaignPriorities, Integer afterMinutes) {

    static RuleForm empty() {
        return new RuleForm("", "", null, List.of(), List.of(), 0);
    }

    RuleChange toChange() {
        return new RuleChange(name, true, scope == null ? "" : scope, maxWords,
                trustedMemberIds == null ? List.of() : trustedMemberIds,
                campaignPriorities == null ? List.of() : campaignPriorities, afterMinutes == null ? 0 : afterMinutes);
    }
}
