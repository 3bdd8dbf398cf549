package io.flightdeck.identity;

import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A workspace's time zone changed: whatever counts by the workspace's days (analytics' rollups) counts again. */
@DomainEvent
public record WorkspaceTimeZoneChanged(UUID workspaceId, String previousZone, String zone) {
}
