package io.flightdeck.identity;

import java.util.UUID;

public record MemberRemoved(UUID workspaceId, UUID userId, UUID removedBy) {
}
