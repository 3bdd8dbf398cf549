package io.flightdeck.email.segments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A segment as the API and the pages show it: {@code contacts} is how many subscribed contacts it selects now.
 * A built-in segment has no creation time and version 0, and cannot be changed.
 */
public record SegmentView(UUID id, String name, @Nullable String description, boolean builtIn, SegmentRules rules,
        long contacts, @Nullable Instant createdAt, @Nullable Instant updatedAt, long version) {
}
