package io.flightdeck.identity;

import java.util.UUID;

import io.flightdeck.shared.security.Role;

/** A member of the current workspace, as other modules see one. */
public record MemberSummary(UUID userId, String displayName, String email, Role role) {
}
