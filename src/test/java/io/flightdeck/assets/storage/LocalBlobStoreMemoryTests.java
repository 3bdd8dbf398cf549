package io.flightdeck.assets.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the content: a JVM with a 48 MiB heap streams 320 MiB into the local store. Were the
 * content held in memory, that JVM would run out of heap; here it stores it whole, hash and size right.
 */
class LocalBlobStoreMemoryTests {

    private static final long SIZE = 320L * 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void contentMuchLargerThanTheHeapStreamsThrough() throws Exception {
        UUID workspace = UUID.randomUUID();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                StreamingProbe.class.getName(), root.toString(), Long.toString(SIZE), workspace.toString()))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(3, TimeUnit.MINUTES)).as("the probe finished").isTrue();
        assertThat(probe.exitValue()).as("the probe's output:%n%s", output).isZero();

        String expected = sha256(StreamingProbe.generated(SIZE));
        assertThat(output).contains("stored " + SIZE + " " + expected);
        Path stored = root.resolve(workspace + "/" + expected.substring(0, 2) + "/" + expected);
        assertThat(Files.size(stored)).isEqualTo(SIZE);
    }

    private static String sha256(InputStream content) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
