package io.flightdeck.mcp.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An outside MCP server as the API and the settings page show it: never its secret, only whether one is set and its
 * last four characters (when it is long enough that they give little away). {@code tools} is what the last check that
 * reached the server listed ({@code toolsListedAt}); it stays while the server is broken, so the admin still sees what
 * it offered. {@code version} is the ETag an update's If-Match takes.
 */
public record McpConnectionView(UUID id, String name, String url, boolean secretSet, @Nullable String secretEnding,
        McpHealth health, @Nullable Instant checkedAt, @Nullable String lastError, @Nullable String serverName,
        @Nullable String serverVersion, @Nullable Instant toolsListedAt, List<McpServerTool> tools, Instant createdAt,
        Instant updatedAt, long version) {

    /** Where a connection stands after its last check; a change of address or secret makes it untested again. */
    public enum McpHealth {
        UNTESTED, HEALTHY, BROKEN
    }

    /**
     * One tool the server listed, as it described itself. {@code inputSchema} is the JSON Schema its arguments must
     * meet, kept so a call is checked before it is queued; null for a snapshot taken before it was kept, or a schema
     * too large to keep.
     */
    public record McpServerTool(String name, @Nullable String title, @Nullable String description,
            @Nullable Map<String, Object> inputSchema) {
    }
}
