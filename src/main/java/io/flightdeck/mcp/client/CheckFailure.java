package io.flightdeck.mcp.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;

/**
 * What stopped a check, in words an admin can act on. The SDK wraps every failure of the first request in "Client
 * failed to initialize", and its own messages name internals ("response-event:", Reactor's operators), so the cause
 * chain is read for the kind of failure rather than shown as it comes. The secret is scrubbed from whatever text is
 * shown, in case a server or a library echoes a header back.
 */
final class CheckFailure {

    /** As long as a stored failure reason elsewhere ({@code shared/outbound/ErrorText}). */
    static final int MAX_LENGTH = 300;
    /** The SDK says "Status code: 404" or "Received unexpected status code: 503, response body: …". */
    private static final Pattern STATUS = Pattern.compile("status code: ?(\\d{3})", Pattern.CASE_INSENSITIVE);

    private CheckFailure() {
    }

    static String describe(Throwable failure, URI address, String secret, Duration connectTimeout, Duration answerTimeout) {
        List<Throwable> chain = chain(failure);
        String host = address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort());
        return scrubbed(words(chain, host, secret != null, connectTimeout, answerTimeout), secret);
    }

    private static String words(List<Throwable> chain, String host, boolean withSecret, Duration connectTimeout,
            Duration answerTimeout) {
        var refused = find(chain, McpHttpClientTransportAuthorizationException.class);
        if (refused != null) {
            int status = refused.getResponseInfo() == null ? 401 : refused.getResponseInfo().statusCode();
            if (status == 403) {
                return "The server refused access with this secret (HTTP 403): it may lack the rights the server asks for.";
            }
            return withSecret ? "The server refused the secret (HTTP " + status + "): check that it is the one the "
                    + "server's owner gave you and that it has not expired."
                    : "The server wants a secret (HTTP " + status + "): add the one its owner gave you.";
        }
        McpError error = find(chain, McpError.class);
        if (error != null) {
            String message = error.getJsonRpcError() == null ? error.getMessage() : error.getJsonRpcError().message();
            return "The server refused the request: " + (message == null ? "no reason given" : message);
        }
        if (find(chain, UnresolvedAddressException.class) != null || find(chain, UnknownHostException.class) != null) {
            return "No server is known by the name " + host.replaceFirst(":\\d+$", "") + ": check the address.";
        }
        if (find(chain, HttpConnectTimeoutException.class) != null) {
            return host + " did not accept a connection within " + connectTimeout.toSeconds() + " seconds.";
        }
        if (find(chain, ConnectException.class) != null) {
            return "Nothing answered at " + host + " (the connection was refused): check the address and that the "
                    + "server is running.";
        }
        SSLException tls = find(chain, SSLException.class);
        if (tls != null) {
            return "The secure connection to " + host + " failed: " + (tls.getMessage() == null
                    ? "no reason given" : tls.getMessage());
        }
        if (find(chain, TimeoutException.class) != null || find(chain, HttpTimeoutException.class) != null) {
            return "The server did not answer within " + answerTimeout.toSeconds() + " seconds.";
        }
        // the status anywhere in the chain first: the SDK wraps it in "Failed to send message", which says less
        for (Throwable cause : chain) {
            Matcher status = STATUS.matcher(cause.getMessage() == null ? "" : cause.getMessage());
            if (status.find()) {
                return statusWords(status.group(1));
            }
        }
        for (Throwable cause : chain) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.startsWith("Unknown media type returned")) {
                return "The address answered with something other than MCP (" + message.replaceFirst(".*: ", "")
                        + "): check the path, which often ends in /mcp.";
            }
            if (message.startsWith("Failed to send message")) {
                return "The server answered with an error instead of MCP: it may be down, or not an MCP server.";
            }
            if (message.startsWith("Error deserializing")) {
                return "The server's answer was not valid MCP (JSON-RPC).";
            }
        }
        Throwable deepest = chain.get(chain.size() - 1);
        return "The check failed: " + (deepest.getMessage() == null ? deepest.getClass().getSimpleName()
                : deepest.getMessage());
    }

    /** Never the answer's body, which the server wrote and may be a whole error page. */
    private static String statusWords(String status) {
        if (status.equals("404")) {
            return "Nothing was found at this address (HTTP 404): an MCP server usually answers at a path ending in /mcp.";
        }
        if (status.startsWith("5")) {
            return "The server answered HTTP " + status + ": it is down or failing for now.";
        }
        return "The server answered HTTP " + status + " instead of an MCP answer: check the address.";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static String scrubbed(String text, String secret) {
        String clean = secret == null || secret.isEmpty() ? text : text.replace(secret, "[secret]");
        clean = clean.strip();
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH - 1).strip() + "…" : clean;
    }
}
