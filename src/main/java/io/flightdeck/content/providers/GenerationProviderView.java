package io.flightdeck.content.providers;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A provider as the API answers it: whether it has a key, never the key. */
public record GenerationProviderView(UUID id, String name, ProviderKind kind, String baseUrl, String model,
        boolean hasKey, @Nullable String azureApiVersion, boolean isDefault, Instant createdAt, Instant updatedAt,
        long version) {
}
