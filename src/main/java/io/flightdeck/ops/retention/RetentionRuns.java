package io.flightdeck.ops.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.Ids;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.retention.ExportStore;
import io.flightdeck.shared.retention.RetentionKind;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current workspace's clean-up runs: the report of each (per kind: the cutoff, the rows removed, the export), a
 * run started by an admin, and an export's download. The callers check that the person is an admin.
 */
@Service
public class RetentionRuns {

    /** A run that has not finished after this is taken for one whose node stopped: it no longer blocks a new one. */
    static final Duration STALE = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final ExportStore store;
    private final Clock clock;

    RetentionRuns(JdbcClient jdbc, Jobs jobs, ExportStore store, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.store = store;
        this.clock = clock;
    }

    /** The runs, newest first. */
    @Transactional(readOnly = true)
    public Page<RetentionRunView> page(Pageable pageable) {
        UUID tenant = TenantScope.require();
        long total = jdbc.sql("select count(*) from retention_runs where tenant_id = ?").param(tenant)
                .query(Long.class).single();
        List<Row> rows = jdbc.sql("select id, trigger_kind, status, requested_by, created_at, started_at, finished_at,"
                        + " error from retention_runs where tenant_id = ? order by created_at desc, id desc"
                        + " offset " + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only")
                .param(tenant).query((rs, i) -> row(rs)).list();
        return new PageImpl<>(views(rows), pageable, total);
    }

    @Transactional(readOnly = true)
    public RetentionRunView get(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    /**
     * Starts a run of the workspace now, as a job: answers it queued. Refused (409 {@code retention-run-busy}) while
     * another run of the workspace is queued or running.
     */
    @Transactional
    public RetentionRunView runNow() {
        UUID tenant = TenantScope.require();
        if (busy(tenant)) {
            throw new ConflictException("retention-run-busy", "A clean-up run of this workspace is already under way: "
                    + "wait for it to finish.");
        }
        UUID id = create(tenant, "MANUAL", CurrentActor.require().userId());
        jobs.schedule(RetentionJobs.RUN, tenant, id, clock.instant());
        return get(id);
    }

    /** Writes the export of one kind of one run (404 when it has none), its parts in order. */
    public void writeExport(UUID runId, String kindKey, OutputStream out) throws IOException {
        for (String key : exportParts(runId, kindKey)) {
            try (InputStream part = store.open(key)) {
                part.transferTo(out);
            }
        }
        out.flush();
    }

    /** The keys of one kind's export parts, in order; 404 when the run is not the workspace's or has no such export. */
    @Transactional(readOnly = true)
    public List<String> exportParts(UUID runId, String kindKey) {
        find(runId);
        RetentionKind kind = RetentionKind.ofKey(kindKey).orElseThrow(() -> new NotFoundException("Export"));
        List<String> keys = jdbc.sql("select blob_key from retention_export_parts where run_id = ? and kind = ?"
                        + " order by part").params(runId, kind.key()).query(String.class).list();
        Boolean exported = jdbc.sql("select exported from retention_run_kinds where run_id = ? and kind = ?")
                .params(runId, kind.key()).query(Boolean.class).optional().orElse(false);
        if (!exported) {
            throw new NotFoundException("Export");
        }
        return keys;
    }

    /** Whether a run of the workspace is queued or running (and not stale). */
    boolean busy(UUID tenant) {
        return jdbc.sql("select count(*) from retention_runs where tenant_id = ? and status in ('QUEUED', 'RUNNING')"
                        + " and created_at > ?")
                .params(tenant, Timestamp.from(clock.instant().minus(STALE))).query(Long.class).single() > 0;
    }

    /** A new run, queued; a null tenant is the installation's own. */
    UUID create(@Nullable UUID tenant, String trigger, @Nullable UUID requestedBy) {
        UUID id = Ids.newId();
        jdbc.sql("insert into retention_runs (id, tenant_id, trigger_kind, requested_by, status, created_at)"
                        + " values (?, ?, ?, ?, 'QUEUED', ?)")
                .params(id, tenant, trigger, requestedBy, Timestamp.from(clock.instant())).update();
        return id;
    }

    private Row find(UUID id) {
        return jdbc.sql("select id, trigger_kind, status, requested_by, created_at, started_at, finished_at, error"
                        + " from retention_runs where id = ? and tenant_id = ?")
                .params(id, TenantScope.require()).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Clean-up run"));
    }

    private List<RetentionRunView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RetentionRunView.Kind>> kinds = new LinkedHashMap<>();
        rows.forEach(row -> kinds.put(row.id(), new ArrayList<>()));
        jdbc.sql("select run_id, kind, keep_days, cutoff, removed, exported, export_rows, error"
                        + " from retention_run_kinds where run_id in (:ids)")
                .param("ids", List.copyOf(kinds.keySet()))
                .query((rs, i) -> {
                    UUID run = rs.getObject(1, UUID.class);
                    RetentionKind kind = RetentionKind.ofKey(rs.getString(2)).orElse(null);
                    if (kind != null) {
                        boolean exported = rs.getBoolean(6);
                        kinds.get(run).add(new RetentionRunView.Kind(kind.key(), kind.label(), rs.getInt(3),
                                rs.getTimestamp(4).toInstant(), rs.getLong(5), exported, rs.getLong(7),
                                exported ? "/api/v1/retention/runs/" + run + "/exports/" + kind.key() : null,
                                rs.getString(8)));
                    }
                    return run;
                }).list();
        kinds.values().forEach(list -> list.sort(java.util.Comparator.comparing(k -> RetentionKind.ofKey(k.kind())
                .orElseThrow().ordinal())));
        return rows.stream().map(row -> new RetentionRunView(row.id(), row.trigger(), row.status(), row.requestedBy(),
                row.createdAt(), row.startedAt(), row.finishedAt(), row.error(),
                kinds.get(row.id()).stream().mapToLong(RetentionRunView.Kind::removed).sum(),
                List.copyOf(kinds.get(row.id())))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Row(UUID id, String trigger, String status, @Nullable UUID requestedBy, Instant createdAt,
            @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {
    }
}
