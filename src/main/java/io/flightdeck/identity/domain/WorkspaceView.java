package io.flightdeck.identity.domain;

import java.util.UUID;

public record WorkspaceView(UUID id, String name, String slug, String timeZone, String locale,
        boolean assistantsReadOnly, long version) {
}
