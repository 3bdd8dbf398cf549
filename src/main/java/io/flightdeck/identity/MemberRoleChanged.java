package io.flightdeck.identity;

import java.util.UUID;

import io.flightdeck.shared.security.Role;
import org.jmolecules.event.annotation.DomainEvent;

@DomainEvent
public record MemberRoleChanged(UUID workspaceId, UUID userId, Role from, Role to, UUID changedBy) {
}
