package io.flightdeck.search.domain;

import java.util.UUID;

/** A watched search due a check, with the workspace and member it runs as. */
record DueSavedSearch(UUID id, UUID workspaceId, UUID ownerId) {
}
