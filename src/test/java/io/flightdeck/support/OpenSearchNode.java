package io.flightdeck.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for the tests that run search on the Elasticsearch backend: OpenSearch's integration-test
 * distribution (pom.xml unpacks {@code org.opensearch.distribution.integ-test-zip:opensearch} into target/opensearch
 * and adds the modules analysis-common and reindex, which the distribution leaves out: our analyzers need the first,
 * Hibernate Search's purge the second), started as a JVM of its own on free ports: one node, security off (the distribution has no security plugin), a 512 MB heap. One node per
 * test JVM, started on first use and stopped when the JVM exits.
 * <p>
 * OpenSearch refuses to run as root; where the tests run as root (CI), the node runs as {@code nobody} through
 * {@code setpriv}, in a folder of its own that it may write (its data, logs and a copy of the configuration).
 */
public final class OpenSearchNode {

    /** The distribution's version; pom.xml's {@code opensearch.version}, which surefire passes as a property. */
    public static final String VERSION = System.getProperty("flightdeck.test.opensearch.version", "2.19.2");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final int NOBODY = 65534;

    private static OpenSearchNode shared;

    private final Process process;
    private final Path folder;
    private final int port;
    private final long startedAt = System.nanoTime();
    private Duration startTime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenSearchNode(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** This JVM's node, started on the first call. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new IllegalStateException("OpenSearch did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while OpenSearch started", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "opensearch-node-stop"));
        }
        return shared;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** From the process's start to a yellow or green cluster. */
    public Duration startTime() {
        return startTime;
    }

    /** A request to the node's REST API; the answer's status and body. */
    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri().resolve(path)).timeout(Duration.ofSeconds(30));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OpenSearchNode start() throws IOException, InterruptedException {
        boolean asNobody = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("flightdeck-opensearch-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        // nobody may not reach the build's copy: a checkout under a folder only root may enter (CI clones into a
        // private temporary folder) refuses even the launcher. So the node gets its own copy (57 MB, under a second).
        Path home = asNobody ? copyDistribution(home(), folder.resolve("distribution")) : home();
        Path config = folder.resolve("config");
        copy(home.resolve("config"), config);
        Path data = Files.createDirectories(folder.resolve("data"));
        Path logs = Files.createDirectories(folder.resolve("logs"));
        // the JVM's own files (GC log, error file, heap dump) are named relative to the distribution, where the
        // launcher runs: here, in this node's folder
        Path jvmOptions = config.resolve("jvm.options");
        Files.writeString(jvmOptions, Files.readString(jvmOptions).replace("logs/", logs + "/")
                .replace("HeapDumpPath=data", "HeapDumpPath=" + data));
        for (Path writable : List.of(folder, config, data, logs)) {
            Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        command.addAll(List.of("bash", home.resolve("bin").resolve("opensearch").toString(),
                "-E", "cluster.name=flightdeck-test", "-E", "node.name=test-node", "-E", "discovery.type=single-node",
                "-E", "network.host=127.0.0.1", "-E", "http.port=" + port, "-E", "transport.port=" + freePort(),
                "-E", "path.data=" + data, "-E", "path.logs=" + logs,
                // a full disk on a developer's machine must not make the indexes read-only
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("opensearch.out").toFile());
        builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPENSEARCH_PATH_CONF", config.toString());
        builder.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m");
        OpenSearchNode node = new OpenSearchNode(builder.start(), folder, port);
        node.awaitHealthy();
        System.out.println("OpenSearch " + VERSION + " ready at " + node.uri() + " in " + node.startTime().toMillis() + " ms");
        return node;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OpenSearch exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    startTime = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        stop();
        throw new IllegalStateException("OpenSearch was not healthy within " + START_TIMEOUT + ":\n" + output());
    }

    private String output() throws IOException {
        return Files.readString(folder.resolve("opensearch.out"));
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a temporary folder: the system clears what is left
        }
    }

    /** The distribution the build unpacked, with the modules it added. */
    private static Path home() {
        Path home = Path.of("target", "opensearch", "opensearch-" + VERSION).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("modules/reindex/plugin-descriptor.properties"))
                || !Files.isRegularFile(home.resolve("modules/analysis-common/plugin-descriptor.properties"))) {
            throw new IllegalStateException(home + " lacks its added modules: ./mvnw test-compile unpacks and adds them");
        }
        return home;
    }

    /** The distribution as it is, files keeping their modes, every folder open to all. */
    private static Path copyDistribution(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    // the distribution's configuration is readable by its owner only; the node may run as nobody
                    Files.copy(file, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
