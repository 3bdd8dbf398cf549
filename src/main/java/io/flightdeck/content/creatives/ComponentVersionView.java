package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version of a component as the API answers it.
 *
 * @param authorId the person who wrote it, or who asked a generator for it
 * @param current  whether the creative shows this version now
 */
public record ComponentVersionView(int number, VersionOrigin origin, String text, @Nullable UUID assetId,
        String provider, String model, String promptVersion, Long seed, Integer strategyVersion, UUID authorId,
        Instant createdAt, boolean current) {
}
