package io.flightdeck.analytics.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs of report schedules, one per schedule and period (the table's unique key): read with their outcome, made
 * when a period falls due or a person sends the last period now, and sent again by a person after a failure, a miss
 * or a doubt, to those who did not get the mail only.
 */
@Service
public class ReportRuns {

    static final String COLUMNS = "r.id, r.schedule_id, r.period_from, r.period_to, r.due_at, r.status,"
            + " r.detail, r.as_of, r.finished_at,"
            + " (select count(*) from analytics_report_mails m where m.run_id = r.id),"
            + " (select count(*) from analytics_report_mails m where m.run_id = r.id and m.status = 'SENT')";

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final CampaignDashboards dashboards;
    private final Clock clock;

    ReportRuns(JdbcClient jdbc, Jobs jobs, CampaignDashboards dashboards, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    static RunView read(ResultSet r) throws SQLException {
        Timestamp asOf = r.getTimestamp(8);
        Timestamp finished = r.getTimestamp(9);
        return new RunView(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, LocalDate.class),
                r.getObject(4, LocalDate.class), r.getTimestamp(5).toInstant(), RunStatus.valueOf(r.getString(6)),
                r.getString(7), asOf == null ? null : asOf.toInstant(), finished == null ? null : finished.toInstant(),
                r.getInt(10), r.getInt(11));
    }

    /** A schedule's runs, the latest period first. */
    public PageResponse<RunView> list(UUID scheduleId, int page, int size) {
        UUID tenant = TenantScope.require();
        long total = jdbc.sql("select count(*) from analytics_report_runs where schedule_id = ? and tenant_id = ?")
                .params(scheduleId, tenant).query(Long.class).single();
        List<RunView> items = jdbc.sql("select " + COLUMNS + " from analytics_report_runs r where r.schedule_id = ?"
                        + " and r.tenant_id = ? order by r.period_from desc offset " + ((long) page * size)
                        + " rows fetch next " + size + " rows only")
                .params(scheduleId, tenant).query((r, i) -> read(r)).list();
        return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Each schedule's latest run, in one query. */
    Map<UUID, RunView> lastRuns(Collection<UUID> scheduleIds) {
        return jdbc.sql("select " + COLUMNS + " from analytics_report_runs r where r.tenant_id = :tenant"
                        + " and r.schedule_id in (:ids) and r.period_from = (select max(l.period_from)"
                        + " from analytics_report_runs l where l.schedule_id = r.schedule_id)")
                .param("tenant", TenantScope.require()).param("ids", scheduleIds)
                .query((r, i) -> read(r)).list().stream()
                .collect(Collectors.toMap(RunView::scheduleId, Function.identity()));
    }

    /** Each schedule's latest {@code count} runs, the latest first, in one query. */
    public Map<UUID, List<RunView>> recent(Collection<UUID> scheduleIds, int count) {
        if (scheduleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from analytics_report_runs r where r.tenant_id = :tenant"
                        + " and r.schedule_id in (:ids) and (select count(*) from analytics_report_runs l"
                        + " where l.schedule_id = r.schedule_id and l.period_from > r.period_from) < :count"
                        + " order by r.period_from desc")
                .param("tenant", TenantScope.require()).param("ids", scheduleIds).param("count", count)
                .query((r, i) -> read(r)).list().stream()
                .collect(Collectors.groupingBy(RunView::scheduleId, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    public RunView get(UUID scheduleId, UUID runId) {
        return jdbc.sql("select " + COLUMNS + " from analytics_report_runs r where r.id = ? and r.schedule_id = ?"
                        + " and r.tenant_id = ?")
                .params(runId, scheduleId, TenantScope.require()).query((r, i) -> read(r)).optional()
                .orElseThrow(() -> new NotFoundException("report run " + runId));
    }

    /**
     * Sends the schedule's last due period now (to try a new schedule, or after a pause). A period has one run: if
     * it has one already, that run is the answer to look at or send again, so this is a conflict.
     */
    @Transactional
    public RunView sendNow(ReportSchedules.Schedule schedule) {
        ReportPeriod period = schedule.cadence().latestDue(clock.instant(), dashboards.workspaceZone());
        UUID id = UUID.randomUUID();
        try {
            insert(id, TenantScope.require(), schedule.id(), period, clock.instant(), RunStatus.DUE, null);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("report-run-exists", "The report of " + period.from() + " to " + period.to()
                    + " has a run already; send that one again if it did not arrive");
        }
        jobs.schedule(ReportJobs.REPORT_RUN, TenantScope.require(), id, clock.instant());
        return get(schedule.id(), id);
    }

    /**
     * Sends a failed, missed or doubtful run again: its mails that were not sent (or may not have been) go back in
     * the queue, those sent stay sent, and the run is due now.
     */
    @Transactional
    public RunView retry(UUID scheduleId, UUID runId) {
        RunView run = get(scheduleId, runId);
        RunMove.RETRY.requireFrom(run.status());
        UUID tenant = TenantScope.require();
        jdbc.sql("update analytics_report_mails set status = 'QUEUED', last_error = null where run_id = ?"
                + " and tenant_id = ? and status in ('FAILED', 'IN_DOUBT')").params(runId, tenant).update();
        jdbc.sql("update analytics_report_runs set status = 'DUE', detail = null, finished_at = null where id = ?"
                + " and tenant_id = ?").params(runId, tenant).update();
        jobs.schedule(ReportJobs.REPORT_RUN, tenant, runId, clock.instant());
        return get(scheduleId, runId);
    }

    void insert(UUID id, UUID tenant, UUID scheduleId, ReportPeriod period, Instant dueAt, RunStatus status,
            String detail) {
        jdbc.sql("insert into analytics_report_runs (id, tenant_id, schedule_id, period_from, period_to, due_at,"
                        + " status, detail, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, tenant, scheduleId, period.from(), period.to(), Timestamp.from(dueAt), status.name(),
                        detail, status == RunStatus.DUE ? null : Timestamp.from(clock.instant()))
                .update();
    }
}
