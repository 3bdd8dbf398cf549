package io.flightdeck.publishing;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A post on one channel needs a person: it failed for good (a final error, or the last retry), or it is in doubt
 * (the network could not say whether an interrupted attempt arrived).
 */
@DomainEvent
public record PostFailed(UUID workspaceId, UUID postId, UUID channelPostId, UUID campaignId, Channel channel,
        String status, String errorCode, String errorMessage, Instant at) {
}
