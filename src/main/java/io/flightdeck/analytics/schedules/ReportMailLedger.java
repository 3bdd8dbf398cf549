package io.flightdeck.analytics.schedules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.outbound.LedgerItem;
import io.flightdeck.shared.outbound.LedgerState;
import io.flightdeck.shared.outbound.OutgoingLedger;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled reports' mails, as the operations page shows every ledger. An item is a run (one period of one schedule,
 * mailed to each of its recipients): a person sends a run again, not a single mail of it.
 */
@Component
class ReportMailLedger implements OutgoingLedger {

    private static final String TROUBLED = "('FAILED', 'IN_DOUBT', 'MISSED')";

    private final JdbcClient jdbc;
    private final ReportRuns runs;

    ReportMailLedger(JdbcClient jdbc, ReportRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    private static LedgerState state(RunStatus status) {
        return switch (status) {
            case DUE -> LedgerState.WAITING;
            case SENT -> LedgerState.SENT;
            case SKIPPED -> LedgerState.SKIPPED;
            case IN_DOUBT -> LedgerState.IN_DOUBT;
            case FAILED, MISSED -> LedgerState.DEAD;
        };
    }

    @Override
    public About about() {
        return new About("report-mails", "Scheduled report mails", "/analytics/schedules", true);
    }

    /** Each recipient's mail that failed for good, dated by when its run finished. */
    @Override
    public long mailRefusedSince(Instant since) {
        return jdbc.sql("select count(*) from analytics_report_mails m join analytics_report_runs r on r.id = m.run_id"
                + " where m.tenant_id = ? and m.status = 'FAILED' and r.finished_at >= ?")
                .params(TenantScope.require(), Timestamp.from(since)).query(Long.class).single();
    }

    @Override
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        jdbc.sql("select status, count(*) from analytics_report_runs where tenant_id = ? group by status")
                .param(TenantScope.require())
                .query((r, i) -> Map.entry(RunStatus.valueOf(r.getString(1)), r.getLong(2))).list()
                .forEach(row -> counts.merge(state(row.getKey()), row.getValue(), Long::sum));
        return counts;
    }

    @Override
    public Page<LedgerItem> troubled(Pageable pageable) {
        UUID tenant = TenantScope.require();
        long total = jdbc.sql("select count(*) from analytics_report_runs where tenant_id = ? and status in "
                + TROUBLED).param(tenant).query(Long.class).single();
        List<LedgerItem> items = jdbc.sql("select " + ReportRuns.COLUMNS + ", s.kind, s.recipients"
                        + " from analytics_report_runs r join analytics_report_schedules s on s.id = r.schedule_id"
                        + " where r.tenant_id = ? and r.status in " + TROUBLED + " order by r.due_at desc, r.id offset "
                        + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only")
                .param(tenant)
                .query((r, i) -> item(ReportRuns.read(r), ReportKind.valueOf(r.getString(12)), r.getString(13)))
                .list();
        return new PageImpl<>(items, pageable, total);
    }

    @Override
    @Transactional
    public LedgerItem retry(UUID id) {
        record Schedule(UUID id, ReportKind kind, String recipients) {
        }
        Schedule schedule = jdbc.sql("select s.id, s.kind, s.recipients from analytics_report_runs r"
                        + " join analytics_report_schedules s on s.id = r.schedule_id"
                        + " where r.id = ? and r.tenant_id = ?")
                .params(id, TenantScope.require())
                .query((r, i) -> new Schedule(r.getObject(1, UUID.class), ReportKind.valueOf(r.getString(2)),
                        r.getString(3)))
                .optional().orElseThrow(() -> new NotFoundException("The report run"));
        return item(runs.retry(schedule.id(), id), schedule.kind(), schedule.recipients());
    }

    private static LedgerItem item(RunView run, ReportKind kind, String recipients) {
        return new LedgerItem(run.id(), kind.title() + ", " + run.periodFrom() + " to " + run.periodTo(),
                String.join(", ", recipients.split("\n")), state(run.status()), run.status().name(), run.detail(), null,
                run.dueAt(), null, run.retriable(), "/analytics/schedules/" + run.scheduleId() + "/runs");
    }
}
