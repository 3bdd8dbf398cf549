package io.flightdeck.approvals;

import java.util.List;
import java.util.UUID;

/** The publish gate's answer for a campaign: ready, or what still blocks it. */
public record PublishCheck(UUID campaignId, boolean ready, List<PublishBlocker> blockers) {
}
