package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.security.Role;
import org.jspecify.annotations.Nullable;

public record ApiKeyView(UUID id, String name, UUID ownerId, String ownerName, Role roleCeiling, String preview,
        Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt,
        boolean active, AssistantLimits assistant) {
}
