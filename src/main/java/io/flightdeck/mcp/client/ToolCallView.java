package io.flightdeck.mcp.client;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A call to an outside tool as the API and the campaign page show it: the arguments exactly as they were sent (the
 * campaign's data filled in), where it stands, and the server's answer. {@code toolError}: the server answered that
 * the tool failed. {@code reason}: why it is retrying, in doubt or failed, in words. {@code connectionId} is null
 * once the connection was removed; its name stays.
 */
public record ToolCallView(UUID id, UUID campaignId, @Nullable UUID connectionId, String connectionName, String tool,
        String arguments, String idempotencyKey, ToolCallState state, int attempts, @Nullable Instant nextAttemptAt,
        boolean toolError, @Nullable String answer, @Nullable String structured, @Nullable String reason,
        UUID requestedBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {
}
