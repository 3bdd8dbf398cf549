package io.flightdeck.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own ({@code java -cp} of the test classpath, its class folders packed as jars, from
 * the run's class-data archive: {@link ForkArchive}), on a file database that outlives it,
 * so a test can kill it like a crash ({@link #kill()}: SIGKILL, as {@code kill -9}) and start another on the same
 * data. For what must survive a restart, such as durable jobs. Its output goes to {@code <database>.<port>.log}.
 */
public final class ForkedApp implements AutoCloseable {

    /**
     * The default JVM options: the client compiler only and the serial collector start the application in about two
     * thirds of the time on a small machine, and what the forks run is short. The whole heap from the start with a
     * 200 MiB young generation takes a start from 15 collections to a few (about a tenth less CPU).
     */
    public static final List<String> FAST_START = List.of("-Xmx512m", "-Xms512m", "-Xmn200m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ForkedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The JDBC URL of a file database at this path (without extension) that both the forks and the test can open. */
    public static String jdbcUrl(Path database) {
        // WRITE_DELAY=0: a commit is on disk before the answer, so a kill right after loses nothing
        return "jdbc:h2:file:" + database.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /** Starts the application on the database and waits until its health endpoint answers (up to three minutes). */
    public static ForkedApp start(Path database, String... properties) throws IOException, InterruptedException {
        return start(FAST_START, database, properties);
    }

    /**
     * The same with the JVM options given instead of the default 512 MiB heap: a small heap with
     * {@code -XX:+ExitOnOutOfMemoryError} shows that something streams rather than buffers.
     */
    public static ForkedApp start(List<String> jvmOptions, Path database, String... properties)
            throws IOException, InterruptedException {
        return start(jvmOptions, jdbcUrl(database), "sa", "", database, properties);
    }

    /**
     * The application on any database (a PostgreSQL schema, say), logging to {@code <logBase>.<port>.log}; the test
     * profile, its own port, no demo workspace.
     */
    public static ForkedApp start(List<String> jvmOptions, String jdbcUrl, String user, String password, Path logBase,
            String... properties) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            ForkArchive.Start from = ForkArchive.get();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(from.jvmOptions());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", from.classPath(), "io.flightdeck.FlightdeckApplication",
                    "--spring.profiles.active=test", "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                    "--flightdeck.demo.enabled=false"));
            for (String property : properties) {
                command.add("--" + property);
            }
            File log = new File(logBase.toAbsolutePath() + "." + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            ForkedApp app = new ForkedApp(process, port, log.toPath());
            try {
                app.awaitHealthy(Duration.ofMinutes(3), log);
                return app;
            } catch (PortTaken e) {
                if (attempt == 3) {
                    throw e;
                }
                // another process took the free port between the look and the start: try another one
            }
        }
    }

    /** The port picked as free was taken before the application could listen on it. */
    private static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    /** Whether the process still runs (a JVM that ran out of heap with ExitOnOutOfMemoryError does not). */
    public boolean isAlive() {
        return process.isAlive();
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Sends a request with a JSON body (or none) and the bearer token (or none). */
    public HttpResponse<String> send(String method, String path, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is bytes (a file's content), with the bearer token. */
    public HttpResponse<byte[]> download(String path, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request with a body of the given type (a file, a multipart form) and the bearer token. */
    public HttpResponse<String> send(String method, String path, String bearer, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Uploads {@code csv} as the multipart part {@code file} named {@code fileName}, with the form fields given as
     * name, value pairs, as a browser's form would.
     */
    public HttpResponse<String> upload(String path, String bearer, String fileName, String csv, String... fields)
            throws IOException, InterruptedException {
        String boundary = "forked-app-" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
                    .append(fields[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(csv).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return send("POST", path, bearer, "multipart/form-data; boundary=" + boundary,
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Properties for {@link #start}: the common ones and some more. */
    public static String[] with(String[] common, String... more) {
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    /** Whether the application logged this text so far (a step that leaves nothing else to see, say). */
    public boolean logged(String text) throws IOException {
        return java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains(text);
    }

    /** Kills the process without any shutdown (SIGKILL), as a crash or {@code kill -9} would, and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout, File log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The forked application exited with " + process.exitValue() + "; see " + log);
            }
            // a failed start may leave the JVM up (the test classpath's fakes run non-daemon threads): read the log
            String written = java.nio.file.Files.readString(log.toPath());
            if (written.contains("APPLICATION FAILED TO START")) {
                kill();
                if (written.contains("was already in use")) {
                    throw new PortTaken("Port " + port + " was taken; see " + log);
                }
                throw new IllegalStateException("The forked application failed to start; see " + log);
            }
            try {
                if (send("GET", "/actuator/health", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        kill();
        throw new IllegalStateException("The forked application did not become healthy in " + timeout + "; see " + log);
    }

    /** A port nobody listens on at the moment of asking, for a fake server or a fork. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The ids a crash harness holds at {@code boundary} so far, from the app's log ({@code CrashHold} logs
     * “HOLDING at <boundary> for <what> <id>”); a hold at any other boundary fails the test.
     */
    public static java.util.Set<String> holding(Path log, String what, String boundary) throws IOException {
        java.util.Set<String> held = new java.util.LinkedHashSet<>();
        heldAt(log, what).forEach((id, at) -> {
            if (!at.equals(boundary)) {
                throw new AssertionError("held at " + at + ", armed at " + boundary);
            }
            held.add(id);
        });
        return held;
    }

    /**
     * Each id a crash harness holds so far and the boundary it is held at, from the app's log, for a hold armed at
     * several boundaries with counts ({@code CrashHold}: the test sends its items in waves, one per boundary).
     */
    public static java.util.Map<String, String> heldAt(Path log, String what) throws IOException {
        java.util.Map<String, String> held = new java.util.LinkedHashMap<>();
        if (java.nio.file.Files.exists(log)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("HOLDING at ([a-z-]+) for " + what
                    + " ([0-9a-f-]{36})").matcher(java.nio.file.Files.readString(log));
            while (m.find()) {
                held.put(m.group(2), m.group(1));
            }
        }
        return held;
    }

    /** One item a held thread is to take: a request that queues a delivery, say. */
    public interface ItemSender {
        void send() throws Exception;
    }

    /**
     * Sends {@code perBoundary} items for each boundary of a hold armed with {@link #holdInWaves}, a wave at a time,
     * each wave waiting until its items are held (so the next passes the boundaries whose holds are taken), and answers
     * which item is held where, {@code perBoundary} at each boundary.
     */
    public java.util.Map<String, String> sendInWaves(String what, List<String> boundaries, int perBoundary,
            ItemSender sender) throws Exception {
        for (int wave = 1; wave <= boundaries.size(); wave++) {
            for (int i = 0; i < perBoundary; i++) {
                sender.send();
            }
            int holding = wave * perBoundary;
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> heldAt(log, what).size() == holding);
        }
        java.util.Map<String, String> held = heldAt(log, what);
        for (String boundary : boundaries) {
            long at = held.values().stream().filter(boundary::equals).count();
            if (at != perBoundary) {
                throw new AssertionError(at + " held at " + boundary + ", not " + perBoundary + ": " + held);
            }
        }
        return held;
    }

    /** The hold property's value for waves of {@code count} items at each boundary, in the order given. */
    public static String holdInWaves(List<String> boundaries, int count) {
        return String.join(",", boundaries.stream().map(boundary -> boundary + ":" + count).toList());
    }

    /** The body of a response that must have the given status; the assertion says what the app answered. */
    public static String ok(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
