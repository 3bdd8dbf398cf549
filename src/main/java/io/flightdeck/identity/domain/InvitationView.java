package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.security.Role;

public record InvitationView(UUID id, String email, Role role, InvitationStatus status, Instant createdAt, Instant expiresAt) {
}
