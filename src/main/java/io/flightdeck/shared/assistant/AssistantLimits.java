package io.flightdeck.shared.assistant;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What an AI assistant using an API key may do over MCP, beyond the key's role ceiling: the toolsets it is given and
 * whether it only reads. A tool outside them is not listed and cannot be called.
 *
 * @param toolsets the toolsets the assistant sees; null for all of them
 * @param readOnly true: only the tools that read are listed
 */
public record AssistantLimits(
        @Schema(description = "The toolsets an assistant using the key sees; null for all of them") @Nullable Set<Toolset> toolsets,
        @Schema(description = "true: an assistant using the key only reads") boolean readOnly) {

    /** A key made without limits: every toolset, reads and writes (as far as its role allows). */
    public static final AssistantLimits NONE = new AssistantLimits(null, false);

    public AssistantLimits {
        toolsets = toolsets == null ? null : Set.copyOf(toolsets);
    }

    public boolean allows(AssistantTool tool) {
        return (toolsets == null || toolsets.contains(tool.toolset())) && !(readOnly && tool.writes());
    }

    /** Where the limits are kept: with the key an assistant signed in with, and the workspace's own switch. */
    public interface Source {

        AssistantLimits ofKey(UUID workspaceId, UUID keyId);

        /** Whether an admin keeps every assistant in the workspace to reading. */
        boolean workspaceReadOnly(UUID workspaceId);
    }
}
