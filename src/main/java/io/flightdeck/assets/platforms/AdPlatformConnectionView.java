package io.flightdeck.assets.platforms;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import org.jspecify.annotations.Nullable;

/** A connection as answered: which platform and account, never a credential. */
public record AdPlatformConnectionView(UUID id, AdPlatform platform, String name, String accountId,
        @Nullable String loginCustomerId, UUID createdBy, Instant createdAt) {
}
