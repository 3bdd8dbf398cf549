package io.flightdeck.identity;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;

/** The demo workspace, handed to each {@link DemoDataContributor}: its id and one member id per role. */
public record DemoWorkspace(UUID workspaceId, Map<Role, UUID> members) {

    public UUID member(Role role) {
        return members.get(role);
    }
}
