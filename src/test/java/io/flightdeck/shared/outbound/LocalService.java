package io.flightdeck.shared.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free local port (the JDK's own), answering each request with the next scripted answer and
 * keeping what it received: the kit is tested over real sockets, not against a mock of RestClient.
 */
final class LocalService implements AutoCloseable {

    /** What to answer: status, headers, body, and how long to wait before answering. */
    record Answer(int status, Map<String, String> headers, String body, Duration delay) {

        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        Answer with(String header, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(header, value);
            return new Answer(status, all, body, delay);
        }

        Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }
    }

    /** A request as it arrived. */
    record Received(String method, URI uri, Headers headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Answer> script = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    LocalService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    LocalService answer(Answer answer) {
        script.add(answer);
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), in.readAllBytes()));
            Answer answer = script.isEmpty() ? Answer.json(200, "{}") : script.remove(0);
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client stopped waiting (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
