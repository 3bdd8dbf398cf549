package io.flightdeck.shared.security;

import java.time.ZoneId;
import java.util.UUID;

/**
 * Who is acting, for whom: the signed-in member (or the API key acting for them) in the current workspace.
 * Every module reads it through {@link CurrentActor}; audit records it.
 */
public record Actor(UUID userId, UUID workspaceId, Role role, String email, String displayName, ZoneId timeZone,
        UUID apiKeyId) {

    public boolean viaApiKey() {
        return apiKeyId != null;
    }
}
