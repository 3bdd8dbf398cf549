package io.flightdeck.identity;

import java.util.UUID;

import io.flightdeck.shared.security.Role;
import org.jmolecules.event.annotation.DomainEvent;

@DomainEvent
public record MemberJoined(UUID workspaceId, UUID userId, Role role) {
}
