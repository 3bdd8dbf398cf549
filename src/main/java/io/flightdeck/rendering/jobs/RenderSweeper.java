package io.flightdeck.rendering.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.flightdeck.rendering.RenderStatus;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts back on the schedule any job that is waiting or running but has not moved for two minutes and has no
 * execution: db-scheduler keeps executions across crashes, so this only catches a resubmit that raced the removal
 * of the job's previous execution. Cross-workspace by nature, so it reads in a system scope and schedules only. It
 * also forgets webhook deliveries older than a week.
 */
@Component
class RenderSweeper {

    private static final Duration QUIET = Duration.ofMinutes(2);
    /** Providers resend a delivery for a day at most; a week covers that with room to spare. */
    private static final Duration KEEP_DELIVERIES = Duration.ofDays(7);

    private final RenderJobRepository jobs;
    private final RenderSchedule schedule;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    RenderSweeper(RenderJobRepository jobs, RenderSchedule schedule, TransactionTemplate transactions, Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.schedule = schedule;
        this.transactions = transactions;
        this.clock = clock;
    }

    void sweep() {
        List<RenderJob> quiet = TenantScope.system("render job sweeper", () -> transactions.execute(status ->
                jobs.findTop500ByStatusInAndSubmitRequestedTrueAndUpdatedAtBefore(
                        List.of(RenderStatus.QUEUED, RenderStatus.RUNNING), clock.instant().minus(QUIET))));
        for (RenderJob job : quiet) {
            schedule.schedule(job.getTenantId(), job.getId(),
                    job.getNextAttemptAt() != null ? job.getNextAttemptAt() : clock.instant());
        }
        // webhook delivery ids are the providers', not a workspace's: remembered long enough to drop resends
        jdbc.sql("delete from render_webhook_deliveries where received_at < ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(KEEP_DELIVERIES))).update();
    }
}
