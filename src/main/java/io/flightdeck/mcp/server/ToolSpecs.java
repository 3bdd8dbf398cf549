package io.flightdeck.mcp.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Effect;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a module's {@link AssistantTool} into the SDK's tool: its schemas, honest annotations, and a call that binds
 * and validates the arguments, runs the handler as the caller, and answers the output as structured content with the
 * same JSON as text. What the caller can correct (bad arguments, a refused move, something not found, a role that
 * does not allow it) comes back as a tool error in words a model can act on; anything else is the protocol's
 * internal error.
 */
final class ToolSpecs {

    private final JsonMapper json;
    private final Validator validator;
    private final ToolSchemas schemas;

    ToolSpecs(JsonMapper json, Validator validator, ToolSchemas schemas) {
        this.json = json;
        this.validator = validator;
        this.schemas = schemas;
    }

    SyncToolSpecification of(AssistantTool tool) {
        McpSchema.Tool described = McpSchema.Tool.builder(tool.name(), schemas.of(tool.input()))
                .title(tool.title())
                .description(tool.description())
                .outputSchema(schemas.of(tool.output()))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(tool.title())
                        .readOnlyHint(tool.effect() == Effect.READS)
                        .destructiveHint(tool.effect() == Effect.DESTROYS)
                        .idempotentHint(tool.effect() == Effect.READS || tool.effect() == Effect.WRITES_IDEMPOTENT)
                        .openWorldHint(false)
                        .build())
                .build();
        return new SyncToolSpecification(described, (context, request) -> call(tool, request.arguments()));
    }

    private CallToolResult call(AssistantTool tool, Map<String, Object> arguments) {
        Object input;
        try {
            input = json.convertValue(arguments == null ? Map.of() : arguments, tool.input());
        } catch (JacksonException e) {
            return error("The arguments do not fit " + tool.name() + "'s input schema: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return error("The arguments do not fit " + tool.name() + "'s input schema: " + e.getMessage());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            return error("Correct the arguments: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        try {
            Object output = tool.handler().apply(input);
            @SuppressWarnings("unchecked")
            Map<String, Object> structured = json.convertValue(output, Map.class);
            return CallToolResult.builder().structuredContent(structured)
                    .addTextContent(json.writeValueAsString(structured)).build();
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
