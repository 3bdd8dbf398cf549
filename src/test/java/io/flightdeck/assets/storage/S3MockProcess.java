package io.flightdeck.assets.storage;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe's S3Mock, run from its executable jar as a JVM of its own: the embedded variant would start its Spring Boot
 * application inside the test's JVM and take over its properties. Its objects live in a folder the test owns.
 */
final class S3MockProcess implements AutoCloseable {

    private static final String JAR = "s3mock-5.2.0-exec.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private S3MockProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static S3MockProcess start(Path root) throws IOException, InterruptedException {
        Path jar = jar();
        int httpPort = freePort();
        int httpsPort = freePort();
        Path log = root.resolve("s3mock.log");
        Path store = Files.createDirectories(root.resolve("store"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--http.port=" + httpPort, "--server.port=" + httpsPort, "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + store, "--spring.main.banner-mode=off",
                // S3Mock refuses bodies over 10 MB by default; the memory test sends far more
                "--com.adobe.testing.s3mock.max-payload-size=1GB"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3MockProcess mock = new S3MockProcess(process, log, httpPort);
        mock.awaitAnswer();
        return mock;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2_000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The jar the build copied to target/s3mock (pom.xml, maven-dependency-plugin), else the local repository's. */
    private static Path jar() {
        Path copied = Path.of("target", "s3mock", "s3mock-exec.jar");
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        Path repository = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path local = repository.resolve("com/adobe/testing/s3mock/5.2.0").resolve(JAR);
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException(JAR + " is neither in target/s3mock nor in " + repository
                + "; ./mvnw test-compile copies it (or ./mvnw -B dependency:get -Dartifact=com.adobe.testing:s3mock:5.2.0:jar:exec)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
