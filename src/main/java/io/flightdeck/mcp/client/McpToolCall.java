package io.flightdeck.mcp.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One call of one tool on an outside MCP server with the official Java SDK's client: initialize, {@code tools/call},
 * close. Its outcome says how sure it is that the call reached the server, which is what decides whether a ledger may
 * try again: a failure before {@code tools/call} left means it never did; a lost answer after it left means it may
 * have. The call carries the ledger's idempotency key in {@code _meta} ({@value #IDEMPOTENCY_KEY}), for a server that
 * honours one (MCP defines none, so nothing counts on it). It touches no database.
 */
@Component
class McpToolCall {

    static final String IDEMPOTENCY_KEY = "io.flightdeck/idempotency-key";
    /** A tool may work for a while (a report, a search); a person sees the call as running meanwhile. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** As much of the answer as is kept and shown. */
    static final int MAX_ANSWER = 20_000;

    private static final Logger log = LoggerFactory.getLogger(McpToolCall.class);

    /** What the call came to. */
    sealed interface Outcome {
    }

    /** The server answered: its result, a tool error ({@code isError}) included, as text and structured JSON. */
    record Answered(boolean toolError, String text, String structured) implements Outcome {
    }

    /** The server answered the call with a protocol error (an unknown tool, bad arguments): it did not run it. */
    record Refused(String error) implements Outcome {
    }

    /** The call never left: the server could not be reached or refused the connection. Safe to try again. */
    record NotSent(String error) implements Outcome {
    }

    /** The call left and its answer was lost (a timeout, a dropped connection): the tool may have run. */
    record Unknown(String error) implements Outcome {
    }

    /** Calls {@code tool} with {@code arguments} at {@code url} ({@code secret}: plain, or null). Never throws. */
    Outcome call(String url, String secret, String tool, Map<String, Object> arguments, String idempotencyKey) {
        URI address = URI.create(url);
        long started = System.nanoTime();
        McpSyncClient client = null;
        Outcome outcome;
        try {
            client = OutsideMcp.client(url, secret, CALL_TIMEOUT);
            try {
                client.initialize();
            } catch (RuntimeException e) {
                outcome = new NotSent(CheckFailure.describe(e, address, secret, OutsideMcp.CONNECT_TIMEOUT,
                        OutsideMcp.ANSWER_TIMEOUT));
                return outcome;
            }
            try {
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments,
                        Map.of(IDEMPOTENCY_KEY, idempotencyKey)));
                outcome = answered(result);
            } catch (McpError e) {
                outcome = new Refused(CheckFailure.describe(e, address, secret, OutsideMcp.CONNECT_TIMEOUT, CALL_TIMEOUT));
            } catch (RuntimeException e) {
                outcome = new Unknown(CheckFailure.describe(e, address, secret, OutsideMcp.CONNECT_TIMEOUT, CALL_TIMEOUT));
            }
        } catch (RuntimeException e) {
            outcome = new NotSent(CheckFailure.describe(e, address, secret, OutsideMcp.CONNECT_TIMEOUT,
                    OutsideMcp.ANSWER_TIMEOUT));
        } finally {
            OutsideMcp.close(client);
        }
        log.info("outbound mcp tool {} at {} -> {} in {} ms", tool, OutsideMcp.where(address),
                outcome.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000);
        return outcome;
    }

    private static Answered answered(McpSchema.CallToolResult result) {
        String text = result.content() == null ? "" : result.content().stream().map(McpToolCall::text)
                .collect(Collectors.joining("\n"));
        String structured = null;
        if (result.structuredContent() != null) {
            try {
                structured = McpJsonDefaults.getMapper().writeValueAsString(result.structuredContent());
            } catch (java.io.IOException e) {
                structured = String.valueOf(result.structuredContent());
            }
        }
        return new Answered(Boolean.TRUE.equals(result.isError()), cut(text), structured == null ? null : cut(structured));
    }

    /** Text as it is; anything else named by its kind, since a person reads the answer on a page. */
    private static String text(McpSchema.Content content) {
        if (content instanceof McpSchema.TextContent text) {
            return text.text();
        }
        if (content instanceof McpSchema.ImageContent image) {
            return "[image, " + image.mimeType() + "]";
        }
        if (content instanceof McpSchema.AudioContent audio) {
            return "[audio, " + audio.mimeType() + "]";
        }
        if (content instanceof McpSchema.ResourceLink link) {
            return "[link: " + link.uri() + "]";
        }
        if (content instanceof McpSchema.EmbeddedResource resource) {
            return "[resource: " + resource.resource().uri() + "]";
        }
        return "[" + content.type() + "]";
    }

    private static String cut(String text) {
        return text.length() <= MAX_ANSWER ? text : text.substring(0, MAX_ANSWER - 1) + "…";
    }
}
