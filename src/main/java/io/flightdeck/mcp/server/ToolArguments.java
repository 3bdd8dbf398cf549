package io.flightdeck.mcp.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Effect;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool call's arguments as a client sent them, bound to the tool's input record and validated, with the dry run,
 * confirmation and destroy flags a changing tool takes beside them; or the words that tell the caller what to correct.
 * Pure: it reads nothing and writes nothing, so anything a client sends is answered here before a handler runs.
 */
final class ToolArguments {

    static final int MAX_CONFIRMATION = 4096;

    /** Bound arguments, or {@code refusal} (the tool error's words) with the rest null. */
    record Bound(Object input, boolean dryRun, String confirmation, String refusal) {

        static Bound refused(String words) {
            return new Bound(null, false, null, words);
        }
    }

    private final JsonMapper json;
    private final Validator validator;

    ToolArguments(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    Bound bind(AssistantTool tool, Map<String, Object> given) {
        Map<String, Object> arguments = new LinkedHashMap<>(given == null ? Map.of() : given);
        Object dryRun = tool.writes() ? arguments.remove(WriteCalls.DRY_RUN) : null;
        Object confirmation = tool.writes() ? arguments.remove(WriteCalls.CONFIRMATION) : null;
        Object destroy = tool.effect() == Effect.DESTROYS ? arguments.remove(ToolSpecs.DESTROY) : null;
        if (dryRun != null && !(dryRun instanceof Boolean) || confirmation != null
                && !(confirmation instanceof String text && text.length() <= MAX_CONFIRMATION)
                || destroy != null && !(destroy instanceof Boolean)) {
            return Bound.refused("Correct the arguments: dryRun and confirmDestroy are true or false, confirmation the "
                    + "text a dry run answered.");
        }
        if (tool.writes() && !Boolean.TRUE.equals(dryRun) && confirmation == null) {
            return Bound.refused(tool.name() + " changes the workspace, so it is previewed first: call it with dryRun: "
                    + "true, show the person what would change, then call it again with the confirmation it answers.");
        }
        if (tool.effect() == Effect.DESTROYS && !Boolean.TRUE.equals(dryRun) && !Boolean.TRUE.equals(destroy)) {
            return Bound.refused(tool.name() + " removes or ends something for good: tell the person what the dry run "
                    + "answered, and only if they agree call it again with the confirmation and confirmDestroy: true.");
        }
        Object input;
        try {
            input = json.convertValue(arguments, tool.input());
        } catch (JacksonException e) {
            return Bound.refused("The arguments do not fit " + tool.name() + "'s input schema: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Bound.refused("The arguments do not fit " + tool.name() + "'s input schema: " + e.getMessage());
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            return Bound.refused("Correct the arguments: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return new Bound(input, Boolean.TRUE.equals(dryRun), (String) confirmation, null);
    }
}
