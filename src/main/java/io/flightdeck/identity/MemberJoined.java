package io.flightdeck.identity;

import java.util.UUID;

import io.flightdeck.shared.security.Role;

public record MemberJoined(UUID workspaceId, UUID userId, Role role) {
}
