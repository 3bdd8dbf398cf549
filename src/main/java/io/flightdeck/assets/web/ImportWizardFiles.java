package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;
import io.flightdeck.shared.files.FileChunks;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files the import wizard keeps between the preview and the start, so that a member chooses and sends a file once.
 * <p>
 * Why keep it rather than have the browser send it again with Start: an export of a few hundred megabytes would
 * cross the network twice, and the preview could not be a page of its own (reload, Back) without the file.
 * <p>
 * Any node serves any step: the bytes are in the database ({@code asset_import_wizard_files}, in pieces in
 * {@code asset_import_wizard_chunks}, copied in and read back a piece at a time as the contact import keeps its files,
 * see {@link FileChunks}), named by a random token that only the member's session knows; what was chosen for a file
 * ({@link PendingImport}) is in that session, which is in the database as well (Spring Session JDBC). Nothing is on a
 * node's disk or in its memory between two requests.
 * <p>
 * A file goes when its import starts, when the member cancels it or chooses another in its place, when a session keeps
 * more than {@link #PER_SESSION}, and at the latest {@link #KEPT_FOR} after it was chosen: from then on it is not found,
 * and the recurring job {@value #SWEEP_TASK}, which any node may run, deletes it. The end of a session (sign-out,
 * expiry) does not delete it sooner: with sessions in JDBC nothing tells a session's attributes that it ended (Spring
 * Session calls no {@code HttpSessionBindingListener} when a session is invalidated, and expired sessions are deleted
 * by a SQL statement), so such files wait for the sweep, unreachable, since only that session knew their tokens.
 */
@Component
class ImportWizardFiles {

    /** How long a chosen file waits for its import to start. */
    static final Duration KEPT_FOR = Duration.ofHours(1);
    /** Files one session keeps at once; choosing another drops the oldest, so a session cannot fill the database. */
    static final int PER_SESSION = 3;
    /** The recurring job that deletes files kept longer than {@link #KEPT_FOR}. */
    static final String SWEEP_TASK = "forget-import-wizard-files";
    /** How often it runs: a file outlives {@link #KEPT_FOR} by this at most. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(ImportWizardFiles.class);
    /**
     * The session attribute. Not the name earlier builds used for their {@code Kept} (files on disk): an old
     * session's value is never read (Spring Session deserialises attributes when asked), so it cannot fail to load.
     */
    private static final String ATTRIBUTE = ImportWizardFiles.class.getName() + ".kept";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final int SWEEP_BATCH = 100;

    private final JdbcTemplate jdbc;
    private final FileChunks chunks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportWizardFiles(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.chunks = new FileChunks(jdbc, "asset_import_wizard_chunks", "file_id");
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Keeps a chosen file for the session, copied from the request a piece at a time (over {@code maxBytes} it is
     * refused, 413, and nothing is kept); answers what the wizard needs to find it again.
     */
    PendingImport keep(HttpSession session, UUID spaceId, MultipartFile file, long maxBytes, ImportKind kind,
            ImportFormatChoice format, ImportMode mode) throws IOException {
        UUID id = UUID.randomUUID();
        UUID workspaceId = TenantScope.require();
        Instant keptAt = clock.instant();
        long size;
        try (InputStream content = file.getInputStream()) {
            size = transactions.execute(tx -> {
                jdbc.update("insert into asset_import_wizard_files (id, tenant_id, kept_at) values (?, ?, ?)", id,
                        workspaceId, Timestamp.from(keptAt));
                try {
                    return chunks.store(id, content, maxBytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        PendingImport pending = new PendingImport(token(id), workspaceId, spaceId, name(file.getOriginalFilename()),
                size, kind, format, mode, keptAt, null);
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
        if (!pending.started() && (expired(pending.keptAt()) || !stored(pending))) {
            change(session, k -> k.remove(token));
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /**
     * The kept bytes, read a piece at a time; the caller closes the stream. Should the file go while it is read (its
     * hour ran out and the sweep came), the stream throws {@link FileChunks.Gone} rather than end early.
     */
    InputStream open(PendingImport pending) {
        return chunks.open(id(pending.token()), pending.size());
    }

    /** New choices for a kept file (the member went back and changed what it holds, its format or the mode). */
    PendingImport update(HttpSession session, PendingImport pending) {
        change(session, kept -> kept.put(pending));
        return pending;
    }

    /** The import has its own copy now: the kept file goes, the token remembers the import. */
    void started(HttpSession session, PendingImport pending, UUID importId) {
        change(session, kept -> kept.put(pending.startedAs(importId)));
        forget(pending.token());
    }

    void discard(HttpSession session, String token) {
        if (existing(session) != null && token != null && TOKEN.matcher(token).matches()) {
            change(session, kept -> kept.remove(token));
        }
    }

    /**
     * Deletes the files of every workspace kept longer than {@link #KEPT_FOR} (their pieces go with them), a few at a
     * time; answers how many. The recurring job runs it; any node may.
     */
    int sweep() {
        Timestamp before = Timestamp.from(clock.instant().minus(KEPT_FOR));
        int removed = 0;
        while (true) {
            List<UUID> expired = jdbc.queryForList("select id from asset_import_wizard_files where kept_at < ? "
                    + "order by kept_at limit " + SWEEP_BATCH, UUID.class, before);
            for (UUID id : expired) {
                removed += jdbc.update("delete from asset_import_wizard_files where id = ? and kept_at < ?", id, before);
            }
            if (expired.size() < SWEEP_BATCH) {
                break;
            }
        }
        if (removed > 0) {
            log.info("Forgot {} files chosen in the import wizard and never imported", removed);
        }
        return removed;
    }

    private boolean expired(Instant keptAt) {
        return keptAt.plus(KEPT_FOR).isBefore(clock.instant());
    }

    private boolean stored(PendingImport pending) {
        Integer found = jdbc.queryForObject("select count(*) from asset_import_wizard_files where tenant_id = ? and id = ?",
                Integer.class, TenantScope.require(), id(pending.token()));
        return found != null && found > 0;
    }

    /** The file goes (its pieces with it); nothing when it has gone already. */
    private void forget(String token) {
        jdbc.update("delete from asset_import_wizard_files where tenant_id = ? and id = ?", TenantScope.require(),
                id(token));
    }

    private Kept existing(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Kept kept ? kept : null;
    }

    /**
     * Sessions live in the database: a change to what one holds is saved only when it is set again. The files that a
     * change dropped (the session's oldest beyond its limit, a discarded one) go.
     */
    private void change(HttpSession session, Function<Kept, List<PendingImport>> change) {
        Kept kept = existing(session);
        if (kept == null) {
            kept = new Kept();
        }
        List<PendingImport> dropped = change.apply(kept);
        session.setAttribute(ATTRIBUTE, kept);
        dropped.stream().filter(p -> !p.started()).forEach(p -> forget(p.token()));
    }

    static String token(UUID id) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(id.getMostSignificantBits()) + hex.toHexDigits(id.getLeastSignificantBits());
    }

    static UUID id(String token) {
        return new UUID(HexFormat.fromHexDigitsToLong(token, 0, 16), HexFormat.fromHexDigitsToLong(token, 16, 32));
    }

    /** The file's own name, without a client's folders or control characters, as the import will record it. */
    private static String name(String original) {
        String base = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() ? "import.csv" : base.length() > 255 ? base.substring(0, 255) : base;
    }

    /**
     * A session's kept files, in the order they were chosen, and the imports it started from them (so that a second
     * Start leads to the same import). Each change answers the files it dropped, for their bytes to go.
     */
    static final class Kept implements Serializable {

        private final Map<String, PendingImport> byToken = new LinkedHashMap<>();

        PendingImport get(String token) {
            return byToken.get(token);
        }

        List<PendingImport> put(PendingImport pending) {
            List<PendingImport> dropped = new ArrayList<>();
            byToken.remove(pending.token());
            byToken.put(pending.token(), pending);
            // started imports are only remembered; only files waiting to start count against the limit
            while (byToken.values().stream().filter(p -> !p.started()).count() > PER_SESSION) {
                String oldest = byToken.values().stream().filter(p -> !p.started()).findFirst().orElseThrow().token();
                dropped.addAll(remove(oldest));
            }
            while (byToken.size() > 4 * PER_SESSION) {
                dropped.addAll(remove(byToken.keySet().iterator().next()));
            }
            return dropped;
        }

        List<PendingImport> remove(String token) {
            PendingImport gone = byToken.remove(token);
            return gone == null ? List.of() : List.of(gone);
        }
    }

    /** The sweep, every {@link #SWEEP_EVERY} on one node at a time, whichever. */
    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringTask<Void> forgetImportWizardFiles(ImportWizardFiles files) {
            return JobTasks.every(SWEEP_TASK, SWEEP_EVERY, files::sweep);
        }
    }
}
