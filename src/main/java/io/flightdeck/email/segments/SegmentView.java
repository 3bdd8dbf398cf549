package io.flightdeck.email.segments;

import java.time.Instant;
import java.util.UUID;

/**
 * A segment as the API and the pages show it: {@code contacts} is how many subscribed contacts it selects now.
 * A built-in segment has no creation time and version 0, and cannot be changed.
 */
public record SegmentView(UUID id, String name, String description, boolean builtIn, SegmentRules rules,
        long contacts, Instant createdAt, Instant updatedAt, long version) {
}
