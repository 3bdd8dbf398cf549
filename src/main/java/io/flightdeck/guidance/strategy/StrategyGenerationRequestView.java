package io.flightdeck.guidance.strategy;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.jobs.QueuedRun;
import org.jspecify.annotations.Nullable;

/**
 * A queued strategy generation and how it went. Once DONE, {@code strategyVersion} is the campaign's new strategy
 * version (awaiting review, as {@code review} says) and {@code generationId} the record of the evidence it was given.
 * {@code state}: QUEUED until its job runs, RUNNING while the generator drafts, DONE or FAILED; {@code reason}: why it
 * failed, in words.
 */
public record StrategyGenerationRequestView(UUID id, UUID campaignId, @Nullable String provider, QueuedRun.State state,
        int attempts, @Nullable Integer strategyVersion, @Nullable UUID generationId, @Nullable String review,
        @Nullable String reason, UUID requestedBy, Instant createdAt, @Nullable Instant finishedAt) {
}
