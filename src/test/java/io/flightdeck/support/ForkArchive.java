package io.flightdeck.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every forked application starts from, made once per test run: the test class path with its class folders
 * packed as jars, and a class-data-sharing archive of the classes an application start loads. A fork maps the archive
 * instead of reading, verifying and parsing some 20,000 classes again, which takes about a third off each start. CDS
 * archives classes from jars only, hence the packing. The archive comes from a training run that starts the
 * application on a scratch database and exits when its context is refreshed ({@code spring.context.exit=onRefresh}),
 * which is when the JVM writes the classes it loaded ({@code -XX:ArchiveClassesAtExit}). Without an archive (the
 * training run failed) forks start as before, only slower, and the reason is logged.
 */
final class ForkArchive {

    private static final Logger log = LoggerFactory.getLogger(ForkArchive.class);
    // one per test JVM (surefire may run two side by side): one JVM's jars must not be rewritten under the other's forks
    private static final Path HOME = Path.of("target", "forked-app-" + System.getProperty("flightdeck.test.fork", "1"))
            .toAbsolutePath();

    /** The class path and the JVM options that use the archive (none when there is none). */
    record Start(String classPath, List<String> jvmOptions) {
    }

    private static Start start;

    private ForkArchive() {
    }

    /** Made by the first fork of the run (which waits for it, about 20 s); every later one only reads it. */
    static synchronized Start get() {
        if (start == null) {
            start = make();
        }
        return start;
    }

    private static Start make() {
        String original = System.getProperty("java.class.path");
        try {
            Files.createDirectories(HOME);
            List<String> entries = new ArrayList<>();
            for (String entry : original.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                entries.add(Files.isDirectory(path) ? pack(path).toString() : entry);
            }
            String classPath = String.join(File.pathSeparator, entries);
            Path archive = HOME.resolve("app.jsa");
            Files.deleteIfExists(archive);
            if (train(classPath, archive)) {
                return new Start(classPath, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"));
            }
            return new Start(classPath, List.of());
        } catch (IOException | InterruptedException e) {
            log.warn("Forks start without a class-data archive: {}", e.toString());
            return new Start(original, List.of());
        }
    }

    /** The folder's files as a jar beside the archive, named for the folder (classes, test-classes). */
    private static Path pack(Path folder) throws IOException {
        Path jar = HOME.resolve(folder.getFileName() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
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
        return jar;
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
