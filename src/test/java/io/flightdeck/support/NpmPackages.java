package io.flightdeck.support;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The Node.js tools some tests use (Redocly CLI for the OpenAPI lint, axe-core for the page walk), each pinned in a
 * folder of its own under {@code src/test} with a package.json and its lock file. A folder is installed with
 * {@code npm ci} the first time a test needs it; without npm the test is skipped with the reason (CI installs it).
 */
public final class NpmPackages {

    private NpmPackages() {
    }

    /** Makes sure {@code file} exists, installing {@code folder}'s pinned packages once if it does not. */
    public static synchronized Path require(Path folder, String file, String whatFor) {
        Path path = folder.resolve(file);
        // the other test JVM may be installing the same folder (its file can exist before npm has finished): one
        // installs while the other waits on the lock, then finds it done
        Path lockFile = Path.of("target", "npm-" + folder.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (Files.exists(path)) {
                return path;
            }
            Assumptions.assumeTrue(onPath("npm"), "npm is not installed: " + whatFor + " needs Node.js (CI installs it)");
            Process process = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                    .directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("npm ci in " + folder + " timed out:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + folder + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run npm ci in " + folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running npm ci in " + folder, e);
        }
        return path;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
