package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import org.jspecify.annotations.Nullable;

/**
 * A queued regeneration of one part of a creative and how it went. Once DONE, {@code versionNumber} is the part's new
 * version and {@code replaced} says whether it became the current text (false: a person's text stayed and the new
 * version waits in the part's history to be promoted). {@code reason}: why it failed, in words.
 */
public record PartRegenerationView(UUID id, UUID creativeId, ComponentKind part, @Nullable String provider,
        @Nullable String model, State state, int attempts, @Nullable Integer versionNumber, @Nullable Boolean replaced,
        @Nullable String reason, UUID requestedBy, Instant createdAt, @Nullable Instant finishedAt) {

    /** QUEUED until its job runs; RUNNING while the generator writes; DONE or FAILED. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }
}
