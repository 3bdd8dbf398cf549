package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.security.Role;

public record ApiKeyView(UUID id, String name, UUID ownerId, String ownerName, Role roleCeiling, String preview,
        Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, boolean active) {
}
