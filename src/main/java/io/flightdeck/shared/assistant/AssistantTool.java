package io.flightdeck.shared.assistant;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;

import io.flightdeck.shared.security.Role;

/**
 * One tool an AI assistant may call over the Model Context Protocol. The module that owns what the tool reads or
 * changes contributes it as a bean, beside its REST controller and on the same services, so the two stay at parity
 * and dependencies keep pointing one way; the {@code mcp} module lists every bean of this type and runs the calls.
 * <p>
 * A call runs as the person whose key or token made it, in their workspace, with their role capped by the key: the
 * services' own permission checks and validation apply as they do for the API. {@code input} is a record whose
 * fields are the tool's arguments (its JSON schema is derived from it, as the OpenAPI document's are); the handler
 * gets it bound and validated, and answers an object that is the tool's structured output.
 * <p>
 * A tool that changes something is previewed by running its handler in a transaction that is then rolled back, so a
 * handler may change only the database within the caller's transaction: work that reaches outside (a model, a
 * provider, a mail) belongs in a job the committed change starts, as the services already do it.
 *
 * @param name        stable, snake case: {@code list_campaigns}
 * @param title       for people: "List campaigns"
 * @param description for a model: what it does, when to use it, what it answers
 * @param toolset     the module's toolset, chosen per key
 * @param role        the least role that may call it; a tool the caller's role cannot use is not listed
 * @param effect      what a call does to the workspace, which sets its annotations
 * @param input       the arguments' record type ({@link NoInput} for none)
 * @param output      the structured output's type: an object (a record, a page)
 * @param handler     the call, given the bound arguments
 * @param current     for a tool that changes something that exists: reads it as it stands, in the output's shape, so
 *                    a dry run can say what would change and the real call can tell whether it changed since; null
 *                    for a tool that creates
 */
public record AssistantTool(String name, String title, String description, Toolset toolset, Role role, Effect effect,
        Class<?> input, Type output, Function<Object, Object> handler, Function<Object, Object> current) {

    /**
     * The logging context key that names the assistant's client while a tool call runs, so what the call writes is
     * recorded as done by the assistant on the person's behalf.
     */
    public static final String CLIENT_IN_LOGS = "assistantClient";

    public AssistantTool {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(handler);
    }

    /** A read-only tool whose arguments are {@code input}; any member may call it. */
    public static <I> AssistantTool reading(String name, String title, String description, Toolset toolset,
            Class<I> input, Type output, Function<I, Object> handler) {
        return new AssistantTool(name, title, description, toolset, Role.VIEWER, Effect.READS, input, output,
                arguments -> handler.apply(input.cast(arguments)), null);
    }

    /**
     * A tool that creates something: the assistant previews it with a dry run first (the server answers what would be
     * made and a confirmation), then makes it with that confirmation.
     */
    public static <I> AssistantTool creating(String name, String title, String description, Toolset toolset, Role role,
            Class<I> input, Type output, Function<I, Object> handler) {
        return new AssistantTool(name, title, description, toolset, role, Effect.WRITES, input, output,
                arguments -> handler.apply(input.cast(arguments)), null);
    }

    /**
     * A tool that changes something that exists, read by {@code current} in the output's shape: a dry run answers it
     * before and after, and the confirmed call is refused if it changed in between.
     */
    public static <I> AssistantTool changing(String name, String title, String description, Toolset toolset, Role role,
            Effect effect, Class<I> input, Type output, Function<I, Object> current, Function<I, Object> handler) {
        if (effect == Effect.READS) {
            throw new IllegalArgumentException(name + " changes something: its effect cannot be READS");
        }
        return new AssistantTool(name, title, description, toolset, role, effect, input, output,
                arguments -> handler.apply(input.cast(arguments)), arguments -> current.apply(input.cast(arguments)));
    }

    public boolean writes() {
        return effect != Effect.READS;
    }

    /** The groups of tools a key may be given, one per module. */
    public enum Toolset {
        CAMPAIGNS, PLANNING, APPROVALS, CONTENT, ASSETS, PUBLISHING, EMAIL, ANALYTICS, GUIDANCE, NOTIFICATIONS
    }

    /** What a call does: only reads; changes something and doing it twice changes nothing more; removes or ends. */
    public enum Effect {
        READS, WRITES, WRITES_IDEMPOTENT, DESTROYS
    }

    /** The arguments of a tool that takes none. */
    public record NoInput() {
    }
}
