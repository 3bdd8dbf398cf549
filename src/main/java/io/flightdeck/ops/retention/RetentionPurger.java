package io.flightdeck.ops.retention;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.retention.ExportStore;
import io.flightdeck.shared.retention.RetentionKind;
import io.flightdeck.shared.retention.RetentionPurge;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A clean-up run: for each kind in turn, its purge's oldest rows past the cutoff in small batches, each batch in its
 * own short transaction: exported first where the policy asks (a part of JSON Lines in the blob store, recorded with
 * the batch), then deleted, and the run's count raised, so the report says what was committed. A kind whose purge
 * fails is reported with its error and the run goes on with the next. The daily job runs every workspace's, page by
 * page, and the installation's own (event publications) first.
 */
@Component
class RetentionPurger {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);
    private static final int WORKSPACE_PAGE = 200;

    private final Map<RetentionKind, RetentionPurge> purges = new EnumMap<>(RetentionKind.class);
    private final RetentionPolicies policies;
    private final RetentionRuns runs;
    private final WorkspaceDirectory workspaces;
    private final ExportStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonLines lines;
    private final Clock clock;
    private final int batchSize;
    private final Duration keepEventPublications;

    RetentionPurger(List<RetentionPurge> purges, RetentionPolicies policies, RetentionRuns runs,
            WorkspaceDirectory workspaces, ExportStore store, JdbcClient jdbc, TransactionTemplate transactions,
            JsonLines lines, Clock clock, @Value("${flightdeck.retention.batch-size:500}") int batchSize,
            @Value("${flightdeck.retention.event-publications.keep:P7D}") Duration keepEventPublications) {
        purges.forEach(purge -> this.purges.put(purge.kind(), purge));
        this.policies = policies;
        this.runs = runs;
        this.workspaces = workspaces;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lines = lines;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
        this.keepEventPublications = keepEventPublications;
    }

    /** The daily job: the installation's own, then every workspace not already running one. Answers how many ran. */
    int purgeAll() {
        try {
            TenantScope.system("the installation's event publications are purged", () -> {
                runPlatform();
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Event publications were not purged this time: {}", e.toString());
        }
        int ran = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> page = TenantScope.system("workspaces whose records are purged", () -> workspaces.ids(from,
                    WORKSPACE_PAGE));
            for (UUID workspace : page) {
                try {
                    boolean done = TenantScope.call(workspace, () -> {
                        UUID run = transactions.execute(status -> runs.busy(workspace) ? null
                                : runs.create(workspace, "SCHEDULED", null));
                        if (run == null) {
                            return false;
                        }
                        run(run);
                        return true;
                    });
                    ran += done ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Records of workspace {} were not purged this time: {}", workspace, e.toString());
                }
            }
            if (page.size() < WORKSPACE_PAGE) {
                return ran;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** One run of the current workspace, queued or taken again after its node stopped; a finished one is left. */
    void run(UUID runId) {
        UUID tenant = TenantScope.require();
        Integer taken = transactions.execute(status -> jdbc.sql("update retention_runs set status = 'RUNNING',"
                        + " started_at = coalesce(started_at, ?) where id = ? and tenant_id = ?"
                        + " and status in ('QUEUED', 'RUNNING')")
                .params(Timestamp.from(clock.instant()), runId, tenant).update());
        if (taken == null || taken == 0) {
            return;
        }
        Map<RetentionKind, RetentionPolicies.Policy> effective = policies.effective();
        Instant now = clock.instant();
        StringBuilder errors = new StringBuilder();
        for (RetentionKind kind : RetentionPolicies.WORKSPACE_KINDS) {
            RetentionPurge purge = purges.get(kind);
            RetentionPolicies.Policy policy = effective.get(kind);
            if (purge == null || policy == null) {
                continue;
            }
            String error = purgeKind(runId, purge, policy.keepDays(), policy.exportBeforePurge(), now);
            if (error != null) {
                errors.append(errors.isEmpty() ? "" : " ").append(kind.label()).append(": ").append(error);
            }
        }
        finish(runId, errors);
    }

    /** The installation's own run: event publications, kept for the configured time, never exported. */
    void runPlatform() {
        RetentionPurge purge = purges.get(RetentionKind.EVENT_PUBLICATIONS);
        if (purge == null) {
            return;
        }
        UUID runId = transactions.execute(status -> runs.create(null, "SCHEDULED", null));
        transactions.executeWithoutResult(status -> jdbc.sql("update retention_runs set status = 'RUNNING',"
                + " started_at = ? where id = ?").params(Timestamp.from(clock.instant()), runId).update());
        long days = Math.max(1, keepEventPublications.toDays());
        StringBuilder errors = new StringBuilder();
        String error = purgeKind(runId, purge, (int) days, false, clock.instant());
        if (error != null) {
            errors.append(error);
        }
        finish(runId, errors);
    }

    /** Answers the error that stopped the kind's purge, or null. */
    private @Nullable String purgeKind(UUID runId, RetentionPurge purge, int keepDays, boolean export, Instant now) {
        RetentionKind kind = purge.kind();
        Instant cutoff = now.minus(keepDays, ChronoUnit.DAYS);
        transactions.executeWithoutResult(status -> {
            int had = jdbc.sql("update retention_run_kinds set keep_days = ?, cutoff = ? where run_id = ? and kind = ?")
                    .params(keepDays, Timestamp.from(cutoff), runId, kind.key()).update();
            if (had == 0) {
                jdbc.sql("insert into retention_run_kinds (run_id, kind, keep_days, cutoff, removed, exported,"
                                + " export_rows) values (?, ?, ?, ?, 0, ?, 0)")
                        .params(runId, kind.key(), keepDays, Timestamp.from(cutoff), export).update();
            }
        });
        try {
            while (true) {
                int[] batch = transactions.execute(status -> batch(runId, purge, cutoff, export));
                if (batch == null || batch[0] < batchSize || batch[1] == 0) {
                    break;
                }
            }
            return null;
        } catch (RuntimeException e) {
            Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
            String error = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            String shortError = error.length() > 900 ? error.substring(0, 900) : error;
            log.warn("Retention run {}: the {} purge failed: {}", runId, kind.key(), e.toString());
            transactions.executeWithoutResult(status -> jdbc.sql("update retention_run_kinds set error = ?"
                    + " where run_id = ? and kind = ?").params(shortError, runId, kind.key()).update());
            return shortError;
        }
    }

    /** One batch, in the caller's transaction: answers how many rows were found and how many deleted. */
    private int[] batch(UUID runId, RetentionPurge purge, Instant cutoff, boolean export) {
        List<Map<String, Object>> rows = purge.oldRows(cutoff, batchSize);
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        String kind = purge.kind().key();
        if (export) {
            byte[] part = lines.of(rows);
            String key = storePart(part);
            Integer next = jdbc.sql("select coalesce(max(part), 0) + 1 from retention_export_parts where run_id = ?"
                    + " and kind = ?").params(runId, kind).query(Integer.class).single();
            jdbc.sql("insert into retention_export_parts (run_id, kind, part, blob_key, row_count, bytes)"
                    + " values (?, ?, ?, ?, ?, ?)").params(runId, kind, next, key, rows.size(), (long) part.length)
                    .update();
        }
        int deleted = purge.delete(rows, cutoff);
        jdbc.sql("update retention_run_kinds set removed = removed + ?, export_rows = export_rows + ?"
                + " where run_id = ? and kind = ?").params(deleted, export ? rows.size() : 0, runId, kind).update();
        return new int[] {rows.size(), deleted};
    }

    /** Stores one part; should the batch's transaction roll back, the part is removed again. */
    private String storePart(byte[] part) {
        String key;
        try {
            key = store.put(new ByteArrayInputStream(part));
        } catch (IOException e) {
            throw new UncheckedIOException("The export could not be stored, so nothing was deleted", e);
        }
        UUID tenant = TenantScope.require();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    TenantScope.run(tenant, () -> {
                        try {
                            store.delete(key);
                        } catch (IOException | RuntimeException e) {
                            log.debug("An export part of a rolled-back batch stays behind: {}", key, e);
                        }
                    });
                }
            }
        });
        return key;
    }

    private void finish(UUID runId, StringBuilder errors) {
        String error = errors.isEmpty() ? null : errors.length() > 1000 ? errors.substring(0, 1000) : errors.toString();
        transactions.executeWithoutResult(status -> jdbc.sql("update retention_runs set status = ?, finished_at = ?,"
                + " error = ? where id = ?").params(error == null ? "DONE" : "FAILED", Timestamp.from(clock.instant()),
                error, runId).update());
    }

    /** A run whose job gave up: failed, with the cause. */
    void failed(UUID runId, String cause) {
        String error = cause.length() > 1000 ? cause.substring(0, 1000) : cause;
        transactions.executeWithoutResult(status -> jdbc.sql("update retention_runs set status = 'FAILED',"
                + " finished_at = ?, error = ? where id = ? and status in ('QUEUED', 'RUNNING')")
                .params(Timestamp.from(clock.instant()), error, runId).update());
    }
}
