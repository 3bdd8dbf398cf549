package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.shared.jobs.QueuedRun;
import org.jspecify.annotations.Nullable;

/**
 * A queued generation of parts of a creative and how it went. {@code part} is the one part for scope PART. Once DONE,
 * for a part, {@code versionNumber} is its new version and {@code replaced} says whether it became the current text
 * (false: a person's text stayed and the new version waits in the part's history to be promoted); for the other
 * scopes both are null and the creative shows its parts. {@code state}: QUEUED until its job runs, RUNNING while the
 * generator writes, DONE or FAILED; {@code reason}: why it failed, in words.
 */
public record PartRegenerationView(UUID id, UUID creativeId, Scope scope, @Nullable ComponentKind part,
        @Nullable String provider, @Nullable String model, QueuedRun.State state, int attempts,
        @Nullable Integer versionNumber, @Nullable Boolean replaced, @Nullable String reason, UUID requestedBy,
        Instant createdAt, @Nullable Instant finishedAt) {

    /**
     * PART: one part written again; STALE_PARTS: a stale creative caught up with the current strategy (the parts a
     * refresh rewrites); EMPTY_PARTS: the text parts a new creative's channels need that nobody wrote.
     */
    public enum Scope {
        PART, STALE_PARTS, EMPTY_PARTS
    }
}
