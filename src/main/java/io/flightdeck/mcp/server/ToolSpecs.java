package io.flightdeck.mcp.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.flightdeck.mcp.calls.AssistantCalls;
import io.flightdeck.mcp.calls.AssistantClient;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Effect;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.Validator;
import org.slf4j.MDC;
import org.springframework.core.ResolvableType;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a module's {@link AssistantTool} into the SDK's tool: its schemas, honest annotations, and a call that binds
 * and validates the arguments, runs the handler as the caller, and answers the output as structured content with the
 * same JSON as text. What the caller can correct (bad arguments, a refused move, something not found, a role that
 * does not allow it) comes back as a tool error in words a model can act on; anything else is the protocol's
 * internal error.
 */
final class ToolSpecs {

    /** The explicit yes a tool that removes or ends something needs on its real call, beside the confirmation. */
    static final String DESTROY = "confirmDestroy";

    private final JsonMapper json;
    private final ToolArguments arguments;
    private final ToolSchemas schemas;
    private final ToolAccess access;
    private final CallLimits limits;
    private final WriteCalls writes;
    private final AssistantCalls calls;

    ToolSpecs(JsonMapper json, Validator validator, ToolSchemas schemas, ToolAccess access, CallLimits limits,
            WriteCalls writes, AssistantCalls calls) {
        this.calls = calls;
        this.json = json;
        this.arguments = new ToolArguments(json, validator);
        this.schemas = schemas;
        this.access = access;
        this.limits = limits;
        this.writes = writes;
    }

    SyncToolSpecification of(AssistantTool tool) {
        McpSchema.Tool described = McpSchema.Tool.builder(tool.name(), inputSchema(tool))
                .title(tool.title())
                .description(tool.description())
                .outputSchema(schemas.of(tool.writes() ? ResolvableType.forClassWithGenerics(WriteOutcome.class,
                        ResolvableType.forType(tool.output())).getType() : tool.output()))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(tool.title())
                        .readOnlyHint(tool.effect() == Effect.READS)
                        .destructiveHint(tool.effect() == Effect.DESTROYS)
                        .idempotentHint(tool.effect() == Effect.READS || tool.effect() == Effect.WRITES_IDEMPOTENT)
                        .openWorldHint(false)
                        .build())
                .build();
        return new SyncToolSpecification(described, (context, request) -> recorded(tool, request.arguments()));
    }

    /** A tool that changes something also takes the dry run and the confirmation it answers. */
    private Map<String, Object> inputSchema(AssistantTool tool) {
        Map<String, Object> schema = schemas.of(tool.input());
        if (tool.writes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = new LinkedHashMap<>(
                    (Map<String, Object>) schema.getOrDefault("properties", Map.of()));
            properties.put(WriteCalls.DRY_RUN, Map.of("type", "boolean", "description", "true: change nothing, answer "
                    + "what the call would do and a confirmation. Every change starts with a dry run."));
            properties.put(WriteCalls.CONFIRMATION, Map.of("type", "string", "maxLength", ToolArguments.MAX_CONFIRMATION,
                    "description", "The confirmation a dry run with these same arguments answered: makes the change"));
            if (tool.effect() == Effect.DESTROYS) {
                properties.put(DESTROY, Map.of("type", "boolean", "description", "true, with the confirmation: the "
                        + "person was told this removes or ends something and cannot be undone, and agreed"));
            }
            schema.put("properties", properties);
        }
        return schema;
    }

    /**
     * Runs the call with the assistant's client named in the logging context (the audit log's actor then reads "on
     * behalf of"), and records it however it ends: the arguments as a hash, since they may hold people's words.
     */
    private CallToolResult recorded(AssistantTool tool, Map<String, Object> given) {
        AssistantClient client = calls.client(CurrentActor.require()).orElse(null);
        String arguments = Hashing.sha256Hex(json.writeValueAsString(given == null ? Map.of() : given));
        CallToolResult result = null;
        String outcome = "failed";
        MDC.put(AssistantTool.CLIENT_IN_LOGS, client == null ? "an assistant" : client.label());
        try {
            result = call(tool, given);
            outcome = outcome(tool, result);
            return result;
        } catch (McpError refused) {
            outcome = "refused";
            throw refused;
        } finally {
            calls.record(client, tool.name(), arguments, outcome, result != null && result.isError()
                    ? ((McpSchema.TextContent) result.content().get(0)).text() : null);
            MDC.remove(AssistantTool.CLIENT_IN_LOGS);
        }
    }

    private static String outcome(AssistantTool tool, CallToolResult result) {
        if (result.isError() != null && result.isError()) {
            return "refused";
        }
        Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
        if (!tool.writes()) {
            return "read";
        }
        return Boolean.TRUE.equals(structured.get("dryRun")) ? "previewed"
                : Boolean.TRUE.equals(structured.get("replayed")) ? "replayed" : "changed";
    }

    private CallToolResult call(AssistantTool tool, Map<String, Object> given) {
        access.requireCallable(tool);
        Actor caller = CurrentActor.require();
        Optional<Duration> wait = limits.take(caller.viaApiKey() ? caller.apiKeyId() : caller.userId(), tool.writes());
        if (wait.isPresent()) {
            return error("Too many calls for now: this key's pace is spent. Try again in "
                    + Math.max(1, wait.get().toSeconds() + 1) + " seconds, and make fewer calls, for example one "
                    + "list with a larger page instead of many gets.");
        }
        ToolArguments.Bound bound = arguments.bind(tool, given);
        if (bound.refusal() != null) {
            return error(bound.refusal());
        }
        Object input = bound.input();
        try {
            Map<String, Object> structured;
            if (!tool.writes()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> read = json.convertValue(tool.handler().apply(input), Map.class);
                structured = read;
            } else if (bound.dryRun()) {
                structured = writes.dryRun(tool, input);
            } else {
                structured = writes.confirmed(tool, input, bound.confirmation());
            }
            return CallToolResult.builder().structuredContent(structured)
                    .addTextContent(json.writeValueAsString(structured)).build();
        } catch (WriteCalls.Refused e) {
            return error(e.getMessage());
        } catch (InvalidInputException e) {
            return error("Correct the arguments: " + (e.problems().isEmpty() ? e.getMessage()
                    : e.problems().stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "))));
        } catch (NotFoundException e) {
            return error(e.getMessage() + " in this workspace. List what there is first, then use one of its ids.");
        } catch (ConflictException e) {
            return error(e.getMessage());
        } catch (AccessDeniedException e) {
            return error("Your role in this workspace (capped by your key) does not allow " + tool.name() + ".");
        }
    }

    private static CallToolResult error(String words) {
        return CallToolResult.builder().isError(true).content(List.of(new McpSchema.TextContent(words))).build();
    }
}
