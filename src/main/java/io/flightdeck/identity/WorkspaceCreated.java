package io.flightdeck.identity;

import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** A new workspace exists, with its first owner. */
@DomainEvent
public record WorkspaceCreated(UUID workspaceId, String name, UUID ownerId) {
}
