package io.flightdeck.identity;

import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

@DomainEvent
public record MemberRemoved(UUID workspaceId, UUID userId, UUID removedBy) {
}
