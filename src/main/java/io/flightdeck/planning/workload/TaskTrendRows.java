package io.flightdeck.planning.workload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.WorkspaceDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few columns the completion trends need, in one query for the whole range and always for one workspace
 * (native SQL, which {@code @TenantId} does not cover): tasks (not milestones, not cancelled, not deleted) created
 * before the range ends that were still open at its start, were completed in it or fall due in it.
 */
@Component
class TaskTrendRows {

    /** A task as the trends see it; {@code completedAt} only when it is done (a reopened task is open again). */
    record Row(Instant createdAt, LocalDate dueDate, Instant completedAt) {
    }

    private final JdbcClient jdbc;
    private final WorkspaceDirectory workspaces;

    TaskTrendRows(JdbcClient jdbc, WorkspaceDirectory workspaces) {
        this.workspaces = workspaces;
        this.jdbc = jdbc;
    }

    List<Row> between(UUID tenant, Instant start, Instant end, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("""
                select created_at, due_date, case when status = 'DONE' then completed_at end
                from tasks
                where tenant_id = ? and deleted_at is null and kind <> 'MILESTONE' and status <> 'CANCELLED'
                  and created_at < ?
                  and (status <> 'DONE' or completed_at >= ? or due_date between ? and ?)""")
                .params(tenant, utc(end), utc(start), firstDay, lastDay)
                .query((r, n) -> new Row(r.getObject(1, OffsetDateTime.class).toInstant(),
                        r.getObject(2, LocalDate.class), instant(r.getObject(3, OffsetDateTime.class))))
                .list();
    }

    ZoneId zoneOf(UUID tenant) {
        return workspaces.find(tenant).orElseThrow().timeZone();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
