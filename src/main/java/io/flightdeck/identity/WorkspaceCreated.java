package io.flightdeck.identity;

import java.util.UUID;

/** A new workspace exists, with its first owner. */
public record WorkspaceCreated(UUID workspaceId, String name, UUID ownerId) {
}
