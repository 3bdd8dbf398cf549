package io.flightdeck.mcp.client;

import java.util.UUID;

/** A connection whose automatic check is due, and the workspace it is checked in. */
record DueConnection(UUID id, UUID workspaceId) {
}
