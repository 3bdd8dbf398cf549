package io.flightdeck.mcp.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.mcp.client.McpConnectionView.McpServerTool;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
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

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** A server whose cursor never ends must not keep the admin waiting: past these, the list is cut. */
    static final int MAX_PAGES = 20;
    static final int MAX_TOOLS = 500;

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
            // the base is the origin and the endpoint the whole address, query included, so any path works
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder(address.getScheme() + "://" + address.getRawAuthority())
                    .endpoint(url)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .httpRequestCustomizer((request, method, uri, body, context) -> {
                        if (secret != null) {
                            request.header("Authorization", "Bearer " + secret);
                        }
                    })
                    .build();
            client = McpClient.sync(transport)
                    .clientInfo(new McpSchema.Implementation("flightdeck", "1"))
                    .requestTimeout(ANSWER_TIMEOUT)
                    .initializationTimeout(ANSWER_TIMEOUT)
                    .build();
            McpSchema.InitializeResult initialized = client.initialize();
            McpSchema.Implementation server = initialized.serverInfo();
            // a server that offers no tools says so by leaving the capability out; listing would be refused
            boolean offersTools = initialized.capabilities() != null && initialized.capabilities().tools() != null;
            outcome = new Reached(cut(server == null ? null : server.name(), 200),
                    cut(server == null ? null : server.version(), 100), offersTools ? tools(client) : List.of());
        } catch (RuntimeException e) {
            outcome = new Failed(CheckFailure.describe(e, address, secret, CONNECT_TIMEOUT, ANSWER_TIMEOUT));
        } finally {
            close(client);
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
                            cut(tool.description(), 1000)));
                }
            }
            cursor = listed.nextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return tools;
    }

    /** Ends the server's session (the SDK sends DELETE with the session id) and the client's streams. */
    private static void close(McpSyncClient client) {
        if (client == null) {
            return;
        }
        try {
            if (!client.closeGracefully()) {
                client.close();
            }
        } catch (RuntimeException e) {
            log.debug("Closing the MCP client failed", e);
        }
    }

    private static void logLine(URI address, Outcome outcome, long millis) {
        String where = address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort())
                + (address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath());
        if (outcome instanceof Reached reached) {
            log.debug("outbound mcp check {} -> healthy, {} tools in {} ms", where, reached.tools().size(), millis);
        } else if (outcome instanceof Failed failed) {
            log.info("outbound mcp check {} -> broken in {} ms: {}", where, millis, failed.error());
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
