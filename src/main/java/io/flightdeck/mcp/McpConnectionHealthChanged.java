package io.flightdeck.mcp;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A check of an outside MCP server an admin connected found it in another state than the last check did: {@code BROKEN}
 * (it stopped answering, or refuses Flightdeck) after it was healthy or not yet checked, or {@code HEALTHY} after it
 * was broken or not yet checked. Raised once per change, never for a check that finds what the last one found, so a
 * server that stays broken is told of once.
 *
 * @param name      the connection's name, as the admins gave it
 * @param error     what went wrong, in words (null when healthy)
 * @param checkedBy the admin who checked it by hand; null for the automatic check
 */
@DomainEvent
public record McpConnectionHealthChanged(UUID workspaceId, UUID connectionId, String name, String health, String error,
        UUID checkedBy, Instant at) {
}
