package io.flightdeck.mcp.calls;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** One recorded tool call, as the assistants page and its API list it. */
public record AssistantCallView(UUID id, Instant occurredAt, UUID userId, String userName,
        @Schema(nullable = true, description = "The key the call was made with; null for a signed-in token") UUID apiKeyId,
        @Schema(nullable = true, description = "The client's name from its initialize, when it sent one") String clientName,
        @Schema(nullable = true) String clientVersion,
        String tool,
        @Schema(description = "SHA-256 of the arguments as sent, hex: the same arguments give the same hash") String argumentsDigest,
        @Schema(description = "read, previewed, changed, replayed, refused (a tool error the assistant can correct) "
                + "or failed") String outcome,
        @Schema(nullable = true, description = "What the assistant was told when the call did not go through") String detail) {
}
