package io.flightdeck.mcp.client;

import java.net.URI;
import java.time.Duration;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Java SDK's client for one outside server over Streamable HTTP, as both a check and a tool call open
 * it: the bearer secret on every request, short timeouts, Flightdeck named in {@code initialize}. The base is the
 * origin and the endpoint the whole address, query included, so a server at any path works.
 */
final class OutsideMcp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final McpSchema.Implementation FLIGHTDECK = new McpSchema.Implementation("flightdeck", "1");

    private static final Logger log = LoggerFactory.getLogger(OutsideMcp.class);

    private OutsideMcp() {
    }

    /** A client not yet initialized; {@code secret} is the plain bearer secret, or null. */
    static McpSyncClient client(String url, String secret, Duration answerTimeout) {
        URI address = URI.create(url);
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
        return McpClient.sync(transport).clientInfo(FLIGHTDECK).requestTimeout(answerTimeout)
                .initializationTimeout(ANSWER_TIMEOUT).build();
    }

    /** Ends the server's session (the SDK sends DELETE with the session id) and the client's streams. */
    static void close(McpSyncClient client) {
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

    /** Host, port and path, for a log line: never the query, which may carry a token. */
    static String where(URI address) {
        return address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort())
                + (address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath());
    }
}
