package io.flightdeck.identity.domain;

import java.util.UUID;

import io.flightdeck.shared.security.Role;

/** One of the workspaces a user belongs to, for the switcher. */
public record WorkspaceChoice(UUID workspaceId, String name, String slug, Role role) {
}
