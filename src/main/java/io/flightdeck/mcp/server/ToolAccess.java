package io.flightdeck.mcp.server;

import java.util.Map;
import java.util.Optional;

import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Which tools the caller may see and call: those their role in the workspace (capped by their key) can use, within
 * the toolsets and the read-only switch of the key they signed in with (an access token has no such limits). A tool
 * they may not call is not listed, and calling it anyway is answered as the protocol answers a tool it does not know,
 * so an assistant learns nothing from names it was not given. Calls run on the request thread (the server executes
 * immediately), so the caller is the request's signed-in actor.
 */
final class ToolAccess implements McpSyncListFilter<McpSchema.Tool> {

    private final Map<String, AssistantTool> tools;
    private final AssistantLimits.ForKeys keys;

    ToolAccess(Map<String, AssistantTool> tools, AssistantLimits.ForKeys keys) {
        this.tools = tools;
        this.keys = keys;
    }

    @Override
    public boolean isVisible(McpTransportContext context, McpSchema.Tool tool) {
        return allows(CurrentActor.find(), tools.get(tool.name()));
    }

    /** Refuses a call the caller may not make, as an unknown tool. */
    void requireCallable(AssistantTool tool) {
        if (!allows(CurrentActor.find(), tool)) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown tool: " + tool.name()).build();
        }
    }

    private boolean allows(Optional<Actor> actor, AssistantTool tool) {
        return tool != null && actor.isPresent() && actor.get().role().includes(tool.role())
                && (!actor.get().viaApiKey()
                        || keys.assistantLimits(actor.get().workspaceId(), actor.get().apiKeyId()).allows(tool));
    }
}
