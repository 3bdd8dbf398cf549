package io.flightdeck.mcp.server;

import java.util.Map;
import java.util.Optional;

import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which tools the caller may see and call: those their role in the workspace (capped by their key) can use, within
 * the toolsets and the read-only switch of the key they signed in with (an access token has no such limits), and
 * only the reading ones where an admin keeps the workspace's assistants to reading or the key acts as a Viewer. A tool
 * they may not call is not listed, and calling it anyway is answered as the protocol answers a tool it does not know,
 * so an assistant learns nothing from names it was not given. Calls run on the request thread (the server executes
 * immediately), so the caller is the request's signed-in actor.
 */
final class ToolAccess implements McpSyncListFilter<McpSchema.Tool> {

    private static final String LIMITS = ToolAccess.class.getName() + ".limits";

    private final Map<String, AssistantTool> tools;
    private final AssistantLimits.Source limits;

    ToolAccess(Map<String, AssistantTool> tools, AssistantLimits.Source limits) {
        this.tools = tools;
        this.limits = limits;
    }

    @Override
    public boolean isVisible(McpTransportContext context, McpSchema.Tool tool) {
        return allows(tools.get(tool.name()));
    }

    /** Refuses a call the caller may not make, as an unknown tool. */
    void requireCallable(AssistantTool tool) {
        if (!allows(tool)) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown tool: " + tool.name()).build();
        }
    }

    boolean allows(AssistantTool tool) {
        Optional<Actor> actor = CurrentActor.find();
        return tool != null && actor.isPresent() && actor.get().role().includes(tool.role())
                && !(tool.writes() && actsAsViewerKey(actor.get())) && callersLimits(actor.get()).allows(tool);
    }

    /**
     * A key that acts as a Viewer never writes, as over the API ({@code ReadOnlyKeyCheck}): even the changes any member
     * may make to what is their own (marking their notifications read) stay with people signed in.
     */
    private static boolean actsAsViewerKey(Actor actor) {
        return actor.viaApiKey() && actor.role() == Role.VIEWER;
    }

    /** Read once a request: {@code tools/list} asks for every tool. */
    private AssistantLimits callersLimits(Actor actor) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object known = request == null ? null : request.getAttribute(LIMITS, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof AssistantLimits read) {
            return read;
        }
        AssistantLimits key = actor.viaApiKey() ? limits.ofKey(actor.workspaceId(), actor.apiKeyId())
                : AssistantLimits.NONE;
        AssistantLimits read = limits.workspaceReadOnly(actor.workspaceId())
                ? new AssistantLimits(key.toolsets(), true) : key;
        if (request != null) {
            request.setAttribute(LIMITS, read, RequestAttributes.SCOPE_REQUEST);
        }
        return read;
    }
}
