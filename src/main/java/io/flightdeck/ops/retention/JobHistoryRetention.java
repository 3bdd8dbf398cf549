package io.flightdeck.ops.retention;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.retention.ExportStore;
import io.flightdeck.shared.retention.RetentionKind;
import io.flightdeck.shared.retention.RetentionPurge;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The purge of the workspace's job history, which is what records finished work here: bulk actions (their row, with
 * the counts of what they did, and their items' outcomes, which go with them unexported), then clean-up runs with
 * their report and their exports' files. Never a bulk action still queued, running or undoing, nor one whose undo is
 * still open (the shortest retention, two days, is past the one-day undo window); never a run still going. Imports
 * and test sends keep their own records on their pages; db-scheduler keeps no history of finished jobs.
 */
@Component
class JobHistoryRetention implements RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(JobHistoryRetention.class);
    private static final String BULK_DONE = "status in ('FINISHED', 'CANCELLED', 'UNDONE')";
    private static final String RUN_DONE = "status in ('DONE', 'FAILED')";

    private final JdbcClient jdbc;
    private final ExportStore store;

    JobHistoryRetention(JdbcClient jdbc, ExportStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.JOB_HISTORY;
    }

    @Override
    public List<Map<String, Object>> oldRows(Instant cutoff, int limit) {
        UUID tenant = TenantScope.require();
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("""
                select 'bulk-action' as record, id, item_type, action, status, total, succeeded, failed, undone,
                    undo_failed, requested_by, requester_name, requester_role, params, created_at, finished_at, updated_at
                from bulk_operations where tenant_id = :tenant and updated_at < :cutoff and """ + " " + BULK_DONE
                        + " order by updated_at, id limit :limit")
                .param("tenant", tenant).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query().listOfRows());
        if (rows.size() < limit) {
            List<Map<String, Object>> runs = jdbc.sql("""
                    select 'clean-up-run' as record, id, trigger_kind, status, requested_by, created_at, started_at,
                        finished_at, error
                    from retention_runs where tenant_id = :tenant and created_at < :cutoff and """ + " " + RUN_DONE
                            + " order by created_at, id limit :limit")
                    .param("tenant", tenant).param("cutoff", Timestamp.from(cutoff)).param("limit", limit - rows.size())
                    .query().listOfRows();
            for (Map<String, Object> run : runs) {
                run.put("kinds", jdbc.sql("select kind, keep_days, cutoff, removed, exported, export_rows, error"
                        + " from retention_run_kinds where run_id = ? order by kind").param(run.get("id"))
                        .query().listOfRows());
                rows.add(run);
            }
        }
        return rows;
    }

    @Override
    public int delete(List<Map<String, Object>> rows, Instant cutoff) {
        UUID tenant = TenantScope.require();
        List<UUID> bulk = ids(rows, "bulk-action");
        List<UUID> runs = ids(rows, "clean-up-run");
        int deleted = 0;
        if (!bulk.isEmpty()) {
            List<UUID> going = jdbc.sql("select id from bulk_operations where tenant_id = :tenant and id in (:ids)"
                            + " and updated_at < :cutoff and " + BULK_DONE)
                    .param("tenant", tenant).param("ids", bulk).param("cutoff", Timestamp.from(cutoff))
                    .query(UUID.class).list();
            if (!going.isEmpty()) {
                jdbc.sql("delete from bulk_items where tenant_id = :tenant and operation_id in (:ids)")
                        .param("tenant", tenant).param("ids", going).update();
                deleted += jdbc.sql("delete from bulk_operations where tenant_id = :tenant and id in (:ids)")
                        .param("tenant", tenant).param("ids", going).update();
            }
        }
        if (!runs.isEmpty()) {
            List<String> keys = jdbc.sql("select distinct blob_key from retention_export_parts where run_id in (:ids)")
                    .param("ids", runs).query(String.class).list();
            deleted += jdbc.sql("delete from retention_runs where tenant_id = :tenant and id in (:ids)"
                            + " and created_at < :cutoff and " + RUN_DONE)
                    .param("tenant", tenant).param("ids", runs).param("cutoff", Timestamp.from(cutoff)).update();
            if (!keys.isEmpty()) {
                deleteFilesAfterCommit(tenant, keys);
            }
        }
        return deleted;
    }

    /** Once the runs are gone for good, their exports' files that no other run's part names. */
    private void deleteFilesAfterCommit(UUID tenant, List<String> keys) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                TenantScope.run(tenant, () -> {
                    for (String key : keys) {
                        try {
                            boolean stillNamed = jdbc.sql("select count(*) from retention_export_parts where blob_key = ?")
                                    .param(key).query(Long.class).single() > 0;
                            if (!stillNamed) {
                                store.delete(key);
                            }
                        } catch (IOException | RuntimeException e) {
                            log.warn("An export file of a purged clean-up run stays behind: {}: {}", key, e.toString());
                        }
                    }
                });
            }
        });
    }

    private static List<UUID> ids(List<Map<String, Object>> rows, String record) {
        return rows.stream().filter(row -> record.equals(String.valueOf(row.get("record"))))
                .map(row -> (UUID) row.get("id")).toList();
    }
}
