package io.flightdeck.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flightdeck.support.NpmPackages;

/**
 * The official reference MCP server, {@code @modelcontextprotocol/server-everything} from npm (pinned in
 * {@code src/test/mcp-clients}), serving Streamable HTTP on a free port, behind a proxy that wants a bearer secret:
 * without it the proxy answers 401 as a real server would (the reference server itself asks for none), with it the
 * request goes on and the answer, an event stream included, streams back. {@link McpConnectionsTests} checks
 * Flightdeck's MCP client against it, and {@link McpHealthWatchTests} its health watch.
 */
final class ReferenceMcpServer {

    private static final Path FOLDER = Path.of("src", "test", "mcp-clients");
    private static final String SCRIPT = "node_modules/@modelcontextprotocol/server-everything/dist/index.js";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CALL_KEY = Pattern.compile(
            "\"method\"\\s*:\\s*\"tools/call\".*\"io\\.flightdeck/idempotency-key\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    private final String secret;
    private final Process node;
    private final int nodePort;
    private final AtomicInteger authorized = new AtomicInteger();
    private final List<String> callKeys = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;
    private HttpServer proxy;
    private ExecutorService proxyThreads;

    private ReferenceMcpServer(String secret, Process node, int nodePort) {
        this.secret = secret;
        this.node = node;
        this.nodePort = nodePort;
    }

    /** Installs the pinned packages if need be (skipping the caller's tests without npm), then starts both. */
    static ReferenceMcpServer start(String secret) throws IOException, InterruptedException {
        NpmPackages.require(FOLDER, SCRIPT, "the MCP client tests");
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target")).resolve("server-everything.log");
        ProcessBuilder start = new ProcessBuilder("node", SCRIPT, "streamableHttp").directory(FOLDER.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        start.environment().put("PORT", String.valueOf(port));
        ReferenceMcpServer server = new ReferenceMcpServer(secret, start.start(), port);
        for (long until = System.currentTimeMillis() + 30_000; !listening(port); Thread.sleep(100)) {
            if (!server.node.isAlive() || System.currentTimeMillis() > until) {
                server.stop();
                throw new IllegalStateException("server-everything did not start:\n" + Files.readString(log));
            }
        }
        server.proxyThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mcp-secret-proxy");
            thread.setDaemon(true); // an event stream the server holds open must not keep the test JVM alive
            return thread;
        });
        server.proxy = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.proxy.createContext("/mcp", server::forward);
        server.proxy.setExecutor(server.proxyThreads);
        server.proxy.start();
        return server;
    }

    /** The address Flightdeck is given: the proxy's. */
    String url() {
        return "http://localhost:" + proxy.getAddress().getPort() + "/mcp";
    }

    /**
     * While true, the proxy answers every request 503 without passing it on, as a load balancer does for a server that
     * is down; the health watch's tests break and mend a connection with it.
     */
    void unavailable(boolean down) {
        unavailable = down;
    }

    /** How many requests came with the right secret so far. */
    int authorizedRequests() {
        return authorized.get();
    }

    /**
     * The idempotency keys Flightdeck's tool calls carried in {@code _meta}, one per {@code tools/call} that reached
     * the server with the secret, in order: a key twice is a call made twice.
     */
    List<String> toolCallKeys() {
        return List.copyOf(callKeys);
    }

    void stop() throws InterruptedException {
        if (proxy != null) {
            proxy.stop(0);
            proxyThreads.shutdownNow();
        }
        node.destroy();
        if (!node.waitFor(10, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (unavailable) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                byte[] down = "Service Unavailable".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(503, down.length);
                exchange.getResponseBody().write(down);
                return;
            }
            if (!("Bearer " + secret).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                byte[] refusal = "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(401, refusal.length);
                exchange.getResponseBody().write(refusal);
                return;
            }
            authorized.incrementAndGet();
            Matcher key = CALL_KEY.matcher(new String(body, StandardCharsets.UTF_8));
            if (key.find()) {
                callKeys.add(key.group(1));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort
                    + exchange.getRequestURI())).method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!List.of("host", "content-length", "connection", "authorization").contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<InputStream> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            answer.headers().map().forEach((name, values) -> {
                if (!List.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean empty = answer.statusCode() == 204 || answer.headers().firstValueAsLong("content-length").orElse(-1) == 0;
            exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : 0);
            try (InputStream from = answer.body(); OutputStream to = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                for (int n = from.read(buffer); n != -1; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush(); // an event stream's events as they come, not when a buffer fills
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
