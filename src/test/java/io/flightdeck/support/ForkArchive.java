package io.flightdeck.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every forked application starts from: the test class path with its class folders packed as jars, and a
 * class-data-sharing archive of the classes an application start loads. A fork maps the archive instead of reading,
 * verifying and parsing some 20,000 classes again (about 17 CPU-s a start instead of 25). CDS archives classes from
 * jars only, hence the packing. The archive comes from a training run that starts the application on a scratch
 * database and exits when its context is refreshed ({@code spring.context.exit=onRefresh}), which is when the JVM
 * writes the classes it loaded ({@code -XX:ArchiveClassesAtExit}). Without an archive (the training run failed) forks
 * start as before, only slower, and the reason is logged.
 * <p>
 * Making it costs about 45 s (packing, training, writing 180 MB), so it is made once for the class path it was made
 * from and kept in {@code target/forked-app/} with that class path's fingerprint: both test JVMs of a run (surefire's
 * two, side by side) use the one the first made, the second waiting on a file lock while it is made, and a later run
 * whose classes did not change (a crash test run again while working) starts from it at once.
 */
final class ForkArchive {

    private static final Logger log = LoggerFactory.getLogger(ForkArchive.class);
    private static final Path HOME = Path.of("target", "forked-app").toAbsolutePath();

    /** The class path and the JVM options that use the archive (none when there is none). */
    record Start(String classPath, List<String> jvmOptions) {
    }

    private static Start start;

    private ForkArchive() {
    }

    /** Made by the first fork that needs it (which waits for it); every later one, in either test JVM, reads it. */
    static synchronized Start get() {
        if (start == null) {
            start = reuseOrMake();
        }
        return start;
    }

    private static Start reuseOrMake() {
        String original = System.getProperty("java.class.path");
        try {
            Files.createDirectories(HOME);
            // the other test JVM may be making it: one at a time, across processes
            try (FileChannel channel = FileChannel.open(HOME.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                String fingerprint = fingerprint(original);
                Path made = HOME.resolve("fingerprint");
                Path archive = HOME.resolve("app.jsa");
                String classPath = packedClassPath(original);
                if (Files.exists(made) && Files.readString(made).equals(fingerprint)) {
                    return Files.exists(archive) ? withArchive(classPath, archive) : new Start(classPath, List.of());
                }
                Files.deleteIfExists(made);
                Files.deleteIfExists(archive);
                for (String entry : original.split(File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path)) {
                        pack(path);
                    }
                }
                boolean trained = train(classPath, archive);
                // a failed training is remembered too: the next JVM would only fail the same way
                Files.writeString(made, fingerprint);
                return trained ? withArchive(classPath, archive) : new Start(classPath, List.of());
            }
        } catch (IOException | InterruptedException e) {
            log.warn("Forks start without a class-data archive: {}", e.toString());
            return new Start(original, List.of());
        }
    }

    private static Start withArchive(String classPath, Path archive) {
        return new Start(classPath, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }

    /** The class path with each class folder replaced by its jar beside the archive. */
    private static String packedClassPath(String original) {
        List<String> entries = new ArrayList<>();
        for (String entry : original.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? jarOf(path).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jarOf(Path folder) {
        return HOME.resolve(folder.getFileName() + ".jar");
    }

    /**
     * What the archive depends on: the JVM, and every entry of the class path with, for a folder, each file's name and
     * content (Maven rewrites unchanged files, so their times say nothing). Any change to a class or resource makes a
     * new archive.
     */
    private static String fingerprint(String classPath) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, System.getProperty("java.home") + " " + System.getProperty("java.vm.version"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                update(digest, entry + " " + (Files.exists(path) ? Files.size(path) + " " + Files.getLastModifiedTime(path) : "-"));
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = path.relativize(file).toString().replace(File.separatorChar, '/');
                    // rewritten with the time of every build; nothing a fork does reads it
                    if (!name.equals("META-INF/build-info.properties")) {
                        update(digest, name);
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The folder's files as a jar beside the archive, named for the folder (classes, test-classes). */
    private static void pack(Path folder) throws IOException {
        try (OutputStream file = Files.newOutputStream(jarOf(folder)); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(folder)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                String name = folder.relativize(path).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    private static boolean train(String classPath, Path archive) throws IOException, InterruptedException {
        Path database = HOME.resolve("training");
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ForkedApp.FAST_START);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-cp", classPath, "io.flightdeck.FlightdeckApplication", "--spring.profiles.active=test",
                "--server.port=0", "--spring.datasource.url=" + ForkedApp.jdbcUrl(database),
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--flightdeck.demo.enabled=false"));
        File output = HOME.resolve("training.log").toFile();
        Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        if (!training.waitFor(3, TimeUnit.MINUTES)) {
            training.destroyForcibly();
            log.warn("Forks start without a class-data archive: the training run took over 3 minutes; see {}", output);
            return false;
        }
        if (!Files.exists(archive)) {
            log.warn("Forks start without a class-data archive: the training run wrote none (exit {}); see {}",
                    training.exitValue(), output);
            return false;
        }
        return true;
    }
}
