package io.flightdeck.shared.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts back on the schedule the objects of a kind that are still live (due, waiting or running) but have no
 * execution: a write that raced the end of the previous execution, a table restored from a backup. Nothing waits for
 * ever without a job to move it. Cross-workspace by nature: it reads in a system scope and only schedules; each run
 * then works in its object's workspace.
 */
@Component
public class OrphanSweep {

    /**
     * A row changed this recently is left alone: the transaction that wrote it may not have written its execution
     * yet. Wall time, not the application's clock, because this is about how long the rows have really been quiet.
     */
    public static final Duration QUIET = Duration.ofMinutes(2);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final Clock clock;

    OrphanSweep(JdbcClient jdbc, Jobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * What to sweep: the table of the kind's objects (with {@code id}, {@code tenant_id} and {@code updated_at}), the
     * SQL condition that makes a row live and the column of its next due time (null: due now). The table and condition
     * are the module's constants, never input.
     */
    public record Rule<D extends WorkspaceTask>(JobKind<D> kind, String table, String liveCondition, String dueColumn) {
    }

    record Orphan(UUID id, UUID tenantId, Timestamp due) {
    }

    /** Schedules every orphan of the rule, at most a batch per run; answers how many. */
    public <D extends WorkspaceTask> int sweep(Rule<D> rule) {
        String due = rule.dueColumn() == null ? "cast(null as timestamp)" : "c." + rule.dueColumn();
        List<Orphan> orphans = TenantScope.system(rule.kind().name() + " sweeper", () -> jdbc.sql("""
                select c.id, c.tenant_id, %s as due from %s c
                where %s and c.updated_at < ?
                  and not exists (select 1 from scheduled_tasks t
                                  where t.task_name = ? and t.task_instance = cast(c.id as varchar(255)))
                limit %d""".formatted(due, rule.table(), rule.liveCondition(), BATCH))
                .param(Timestamp.from(Instant.now().minus(QUIET))).param(rule.kind().name())
                .query(Orphan.class).list());
        Instant now = clock.instant();
        for (Orphan o : orphans) {
            jobs.schedule(rule.kind(), o.tenantId(), o.id(), o.due() == null ? now : o.due().toInstant());
        }
        return orphans.size();
    }
}
