package io.flightdeck.mcp.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.mcp.client.McpConnectionView.McpServerTool;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One check of an outside MCP server with the official Java SDK's client over Streamable HTTP: initialize, list every
 * page of tools, close (which ends the server's session). Timeouts are short, because an admin waits for the answer on
 * the page. It touches no database: the caller reads what it needs before and writes the outcome after, each in a
 * transaction of its own. One log line per check, as {@code shared/outbound}'s call log writes one per call: host,
 * path, outcome and duration, never the secret.
 */
@Component
class McpServerCheck {

    static final Duration CONNECT_TIMEOUT = OutsideMcp.CONNECT_TIMEOUT;
    static final Duration ANSWER_TIMEOUT = OutsideMcp.ANSWER_TIMEOUT;
    /** A server whose cursor never ends must not keep the admin waiting: past these, the list is cut. */
    static final int MAX_PAGES = 20;
    static final int MAX_TOOLS = 500;
    static final int MAX_SCHEMA_LENGTH = 20_000;

    private static final Logger log = LoggerFactory.getLogger(McpServerCheck.class);

    /** What a check found. */
    sealed interface Outcome {
    }

    record Reached(String serverName, String serverVersion, List<McpServerTool> tools) implements Outcome {
    }

    record Failed(String error) implements Outcome {
    }

    /** Checks the server at {@code url} ({@code secret}: the plain bearer secret, or null). Never throws. */
    Outcome check(String url, String secret) {
        URI address = URI.create(url);
        long started = System.nanoTime();
        McpSyncClient client = null;
        Outcome outcome;
        try {
            client = OutsideMcp.client(url, secret, ANSWER_TIMEOUT);
            McpSchema.InitializeResult initialized = client.initialize();
            McpSchema.Implementation server = initialized.serverInfo();
            // a server that offers no tools says so by leaving the capability out; listing would be refused
            boolean offersTools = initialized.capabilities() != null && initialized.capabilities().tools() != null;
            outcome = new Reached(cut(server == null ? null : server.name(), 200),
                    cut(server == null ? null : server.version(), 100), offersTools ? tools(client) : List.of());
        } catch (RuntimeException e) {
            outcome = new Failed(CheckFailure.describe(e, address, secret, CONNECT_TIMEOUT, ANSWER_TIMEOUT));
        } finally {
            OutsideMcp.close(client);
        }
        logLine(address, outcome, (System.nanoTime() - started) / 1_000_000);
        return outcome;
    }

    private static List<McpServerTool> tools(McpSyncClient client) {
        List<McpServerTool> tools = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES && tools.size() < MAX_TOOLS; page++) {
            McpSchema.ListToolsResult listed = client.listTools(cursor);
            for (McpSchema.Tool tool : listed.tools() == null ? List.<McpSchema.Tool>of() : listed.tools()) {
                // a tool without a name could never be called: it is not worth listing
                if (tools.size() < MAX_TOOLS && tool.name() != null && !tool.name().isBlank()) {
                    tools.add(new McpServerTool(cut(tool.name(), 200), cut(tool.title(), 200),
                            cut(tool.description(), 1000), inputSchema(tool.inputSchema())));
                }
            }
            cursor = listed.nextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return tools;
    }

    private static void logLine(URI address, Outcome outcome, long millis) {
        String where = OutsideMcp.where(address);
        if (outcome instanceof Reached reached) {
            log.debug("outbound mcp check {} -> healthy, {} tools in {} ms", where, reached.tools().size(), millis);
        } else if (outcome instanceof Failed failed) {
            log.info("outbound mcp check {} -> broken in {} ms: {}", where, millis, failed.error());
        }
    }

    /** The schema as the server gave it, or null when it is too large to keep: the server then checks alone. */
    static Map<String, Object> inputSchema(Map<String, Object> schema) {
        return schema == null || schema.toString().length() > MAX_SCHEMA_LENGTH ? null : schema;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
