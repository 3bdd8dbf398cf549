package io.flightdeck.email.contacts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A list as the API and the pages show it; {@code members} counts those on it who have not left it. */
public record EmailListView(UUID id, String name, @Nullable String description, long members, Instant createdAt,
        Instant updatedAt, long version) {
}
