package io.flightdeck.publishing;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A connected network account went from healthy to {@code EXPIRING} (its permission ends soon and cannot be renewed)
 * or to {@code BROKEN} (it ended, or the network refused it): its posts will wait until someone connects it again.
 *
 * @param connectedBy who connected it; null for one made before that was kept
 */
@DomainEvent
public record ChannelAccountTrouble(UUID workspaceId, UUID accountId, Channel channel, String displayName,
        String health, String reason, UUID connectedBy, Instant at) {
}
