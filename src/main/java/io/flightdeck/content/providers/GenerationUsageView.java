package io.flightdeck.content.providers;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.content.TextKind;

/**
 * One call as the usage page and API show it.
 *
 * @param costMicros US dollars × 1,000,000, from the model's list price; 0 for local and unknown models
 * @param outcome    {@code ok}, or the failure's reason ({@code timeout}, {@code rate-limited}, ...)
 */
public record GenerationUsageView(UUID id, String provider, String model, String promptVersion, TextKind kind,
        int inputTokens, int outputTokens, long costMicros, long latencyMs, String outcome, UUID requestedBy,
        Instant createdAt) {
}
