package io.flightdeck.publishing;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jmolecules.event.annotation.DomainEvent;

/** A post went out on one channel. */
@DomainEvent
public record PostPublished(UUID workspaceId, UUID postId, UUID channelPostId, UUID campaignId, UUID creativeId,
        Channel channel, String network, String externalId, String url, Instant at) {
}
