package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version of a component as the API answers it.
 *
 * @param text            null for an image's or a video's version (it has {@code assetId})
 * @param provider        the generator's; null, like model, prompt version and seed, for a person's version
 * @param strategyVersion the strategy it was written from; null when the campaign had none
 * @param authorId        the person who wrote it, or who asked a generator for it
 * @param current         whether the creative shows this version now
 */
public record ComponentVersionView(int number, VersionOrigin origin, @Nullable String text, @Nullable UUID assetId,
        @Nullable String provider, @Nullable String model, @Nullable String promptVersion, @Nullable Long seed,
        @Nullable Integer strategyVersion, UUID authorId, Instant createdAt, boolean current) {
}
