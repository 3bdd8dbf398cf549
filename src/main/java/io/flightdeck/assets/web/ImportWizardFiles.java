package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files the import wizard keeps between the preview and the start, so that a member chooses and sends a file once.
 * <p>
 * Why keep it rather than have the browser send it again with Start: an export of a few hundred megabytes would
 * cross the network twice, and the preview could not be a page of its own (reload, Back) without the file. A file is
 * kept on this node's disk under {@code <data-dir>/import-previews/<token>.csv}, named by a random token that only
 * the member's session knows; sessions are this node's too, so both go together. A file goes when its import
 * starts, when the member cancels, when its session ends (sign-out or expiry: {@link Kept} is told), and at the
 * latest {@link #KEPT_FOR} after it was chosen (the next file kept on the node, or a restart, sweeps older ones).
 */
@Component
class ImportWizardFiles {

    /** How long a chosen file waits for its import to start. */
    static final Duration KEPT_FOR = Duration.ofHours(1);
    /** Files one session keeps at once; choosing another drops the oldest, so a session cannot fill the disk. */
    static final int PER_SESSION = 3;

    private static final Logger log = LoggerFactory.getLogger(ImportWizardFiles.class);
    private static final String ATTRIBUTE = ImportWizardFiles.class.getName();
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final String SUFFIX = ".csv";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Clock clock;

    ImportWizardFiles(@Value("${flightdeck.data-dir}") Path dataDir, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dataDir.resolve("import-previews").toAbsolutePath().normalize());
        this.clock = clock;
        sweep();
    }

    /** Keeps a chosen file for the session; answers what the wizard needs to find it again. */
    PendingImport keep(HttpSession session, UUID spaceId, MultipartFile file, ImportKind kind,
            ImportFormatChoice format, ImportMode mode) throws IOException {
        sweep();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path path = path(token);
        file.transferTo(path);
        PendingImport pending = new PendingImport(token, TenantScope.require(), spaceId, name(file.getOriginalFilename()),
                Files.size(path), kind, format, mode, clock.instant(), null);
        change(session, kept -> kept.put(pending));
        return pending;
    }

    /**
     * The session's file of this token for this space in the current workspace, if it is still kept (or its import
     * has started). Anything else, a made-up token included, is not found.
     */
    Optional<PendingImport> find(HttpSession session, String token, UUID spaceId) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Kept kept = existing(session);
        PendingImport pending = kept == null ? null : kept.get(token);
        if (pending == null || !pending.workspaceId().equals(TenantScope.require()) || !pending.spaceId().equals(spaceId)) {
            return Optional.empty();
        }
        if (!pending.started() && (expired(pending.keptAt()) || !Files.exists(path(token)))) {
            kept.remove(token);
            session.setAttribute(ATTRIBUTE, kept);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** The kept bytes; the caller closes the stream. */
    InputStream open(PendingImport pending) throws IOException {
        return Files.newInputStream(path(pending.token()));
    }

    /** New choices for a kept file (the member went back and changed what it holds, its format or the mode). */
    PendingImport update(HttpSession session, PendingImport pending) {
        change(session, kept -> kept.put(pending));
        return pending;
    }

    /** The import has its own copy now: the kept file goes, the token remembers the import. */
    void started(HttpSession session, PendingImport pending, UUID importId) {
        change(session, kept -> kept.put(pending.startedAs(importId)));
        delete(dir, pending.token());
    }

    void discard(HttpSession session, String token) {
        Kept kept = existing(session);
        if (kept != null && token != null && TOKEN.matcher(token).matches()) {
            kept.remove(token);
            session.setAttribute(ATTRIBUTE, kept);
        }
    }

    /** Removes files older than {@link #KEPT_FOR}: their sessions ended without saying so (a restart, a crash). */
    void sweep() {
        Instant oldest = clock.instant().minus(KEPT_FOR);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(oldest)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep the import wizard's old files in {}", dir, e);
        }
    }

    private boolean expired(Instant keptAt) {
        return keptAt.plus(KEPT_FOR).isBefore(clock.instant());
    }

    private Path path(String token) {
        return dir.resolve(token + SUFFIX);
    }

    private Kept existing(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Kept kept ? kept : null;
    }

    /** Sessions live in the database: a change to what one holds is saved only when it is set again. */
    private void change(HttpSession session, java.util.function.Consumer<Kept> change) {
        Kept kept = kept(session);
        change.accept(kept);
        session.setAttribute(ATTRIBUTE, kept);
    }

    private Kept kept(HttpSession session) {
        synchronized (session) {
            Kept kept = existing(session);
            if (kept == null) {
                kept = new Kept(dir.toString());
                session.setAttribute(ATTRIBUTE, kept);
            }
            return kept;
        }
    }

    private static void delete(Path dir, String token) {
        try {
            Files.deleteIfExists(dir.resolve(token + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's own name, without a client's folders or control characters, as the import will record it. */
    private static String name(String original) {
        String base = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() ? "import.csv" : base.length() > 255 ? base.substring(0, 255) : base;
    }

    /**
     * A session's kept files. The container tells it when the session ends (sign-out, expiry), and its files go then,
     * rather than wait for the sweep.
     */
    static final class Kept implements HttpSessionBindingListener, Serializable {

        private final String dir;
        private final Map<String, PendingImport> byToken = new LinkedHashMap<>();

        Kept(String dir) {
            this.dir = dir;
        }

        synchronized PendingImport get(String token) {
            return byToken.get(token);
        }

        synchronized void put(PendingImport pending) {
            byToken.remove(pending.token());
            byToken.put(pending.token(), pending);
            // started imports are only remembered; only files waiting to start count against the limit
            while (byToken.values().stream().filter(p -> !p.started()).count() > PER_SESSION) {
                String oldest = byToken.values().stream().filter(p -> !p.started()).findFirst().orElseThrow().token();
                remove(oldest);
            }
            while (byToken.size() > 4 * PER_SESSION) {
                remove(byToken.keySet().iterator().next());
            }
        }

        synchronized void remove(String token) {
            PendingImport gone = byToken.remove(token);
            if (gone != null && !gone.started()) {
                quietly(token);
            }
        }

        @Override
        public synchronized void valueUnbound(HttpSessionBindingEvent event) {
            byToken.values().stream().filter(p -> !p.started()).forEach(p -> quietly(p.token()));
            byToken.clear();
        }

        private void quietly(String token) {
            try {
                delete(Path.of(dir), token);
            } catch (UncheckedIOException e) {
                log.warn("Could not remove the import wizard's file {}", token, e);
            }
        }
    }
}
