package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.security.Role;

public record MemberView(UUID id, UUID userId, String email, String displayName, Role role, Instant joinedAt, long version) {
}
