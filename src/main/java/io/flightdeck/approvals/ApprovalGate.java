package io.flightdeck.approvals;

import java.util.UUID;

/**
 * The publish gate: nothing in a campaign is launched or published while one of the workspace's enabled scopes is
 * not approved. Publishing modules call it before they send anything.
 */
public interface ApprovalGate {

    PublishCheck check(UUID campaignId);

    /** Throws a 409 {@code approval-required} conflict listing the blockers unless the campaign may publish. */
    void requireApproved(UUID campaignId);
}
