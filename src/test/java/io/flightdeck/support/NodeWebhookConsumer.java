package io.flightdeck.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook consumer nobody here wrote, for tests of Flightdeck's outgoing webhooks: {@code consumer.js} in
 * {@code src/test/webhooks} is a small HTTP server on 127.0.0.1 where the {@code standardwebhooks} npm package
 * verifies each delivery with the given {@code whsec_} secrets, as a subscriber using it would. Point a webhook at
 * {@link #url(String)}, then check {@link #received()}: a delivery the library refuses is answered 400 and recorded
 * with the library's error. Verified deliveries are answered 204 unless told otherwise with {@link #answerWith(int)}.
 * Without npm the calling test is skipped with the reason. Use it in try-with-resources so that the node process ends.
 */
public final class NodeWebhookConsumer implements AutoCloseable {

    private static final Path FOLDER = Path.of("src/test/webhooks");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** One request the consumer got, as it recorded it; the headers are null when they were missing. */
    public record Received(String id, String timestamp, String signature, String path, boolean verified, String error,
            int status, String body, long receivedAt) {
    }

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NodeWebhookConsumer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static NodeWebhookConsumer start(String... secrets) {
        NpmPackages.require(FOLDER, "node_modules/standardwebhooks/package.json", "the outgoing webhook tests");
        List<String> command = new ArrayList<>(List.of("node", "consumer.js"));
        command.addAll(List.of(secrets));
        Process process = null;
        Path log = null;
        try {
            log = Files.createTempFile("node-webhook-consumer", ".log");
            process = new ProcessBuilder(command).directory(FOLDER.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            CompletableFuture<String> first = new CompletableFuture<>();
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // Reads on after the first line so that the pipe never fills and blocks the consumer
            Thread drain = new Thread(() -> {
                try {
                    first.complete(out.readLine());
                    while (out.readLine() != null) {
                        // each delivery is printed too; received() is the way to read them
                    }
                } catch (IOException e) {
                    first.completeExceptionally(e);
                }
            }, "node-webhook-consumer");
            drain.setDaemon(true);
            drain.start();
            String line = first.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("node consumer.js ended before listening:\n" + Files.readString(log));
            }
            return new NodeWebhookConsumer(process, log, JSON.readTree(line).path("port").asInt());
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            stop(process);
            throw new IllegalStateException("Cannot start node consumer.js" + (log == null ? "" : ", see " + log), e);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting node consumer.js", e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public List<Received> received() {
        return JSON.readValue(send(HttpRequest.newBuilder(URI.create(url("/_received"))).GET(), 200),
                new TypeReference<List<Received>>() {
                });
    }

    /** Waits until the consumer got at least {@code count} requests, verified or not, and answers all of them. */
    public List<Received> awaitReceived(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> received = received();
        while (received.size() < count) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Expected at least " + count + " webhook deliveries within " + timeout
                        + " but the consumer received " + received.size() + ": " + received);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            received = received();
        }
        return received;
    }

    /** Answers {@code status} to every verified delivery from now on (a refused one always gets 400). */
    public void answerWith(int status) {
        post("/_answer", String.valueOf(status));
    }

    /** Answers {@code status} to the next {@code times} verified deliveries, then as before. */
    public void answerWith(int status, int times) {
        post("/_answer", status + " " + times);
    }

    /** Forgets what was received so far. */
    public void reset() {
        post("/_reset", "");
    }

    @Override
    public void close() {
        stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file; nothing depends on it going
        }
    }

    private void post(String path, String body) {
        send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(body)), 204);
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("consumer.js answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
