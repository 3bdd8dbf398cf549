package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

/**
 * A campaign's approval scopes. {@code notStarted} names the workspace's enabled scopes that have no approval yet
 * (all of them before approvals are started).
 */
public record CampaignApprovals(UUID campaignId, List<ApprovalView> scopes, List<ScopeSummary> notStarted) {

    public record ScopeSummary(String key, String name) {
    }

    public boolean started() {
        return !scopes.isEmpty();
    }
}
