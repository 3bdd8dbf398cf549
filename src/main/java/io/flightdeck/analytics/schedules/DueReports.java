package io.flightdeck.analytics.schedules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.ScheduledReportFailed;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.identity.WorkspaceSummary;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on one node: each running schedule whose latest period is due and has no run gets one, and its
 * sending job; a due run that lost its job gets it back. Periods that fell due while Flightdeck was not running (since the schedule's last run, or since it was
 * made) are recorded as missed rather than sent late in a burst, and the owner is told once; a person can send any
 * of them from the schedules page.
 */
@Component
class DueReports {

    private static final Logger log = LoggerFactory.getLogger(DueReports.class);
    /** The most missed periods recorded at once (a year of months; two weeks of days). */
    static final int MAX_MISSED = 12;

    private final JdbcClient jdbc;
    private final ReportRuns runs;
    private final Jobs jobs;
    private final CampaignDirectory campaigns;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkspaceDirectory workspaces;

    DueReports(JdbcClient jdbc, ReportRuns runs, Jobs jobs, CampaignDirectory campaigns, WorkspaceDirectory workspaces,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.runs = runs;
        this.jobs = jobs;
        this.campaigns = campaigns;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    private record Candidate(UUID id, UUID tenant, UUID campaignId, UUID ownerId, ReportCadence cadence,
            Instant createdAt, LocalDate lastFrom) {
    }

    void open() {
        List<Candidate> candidates = TenantScope.system("report schedules", () -> jdbc.sql(
                        "select s.id, s.tenant_id, s.campaign_id, s.owner_id, s.cadence, s.created_at,"
                        + " (select max(r.period_from) from analytics_report_runs r where r.schedule_id = s.id)"
                        + " from analytics_report_schedules s where not s.paused")
                .query((r, i) -> new Candidate(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getObject(3, UUID.class), r.getObject(4, UUID.class), ReportCadence.valueOf(r.getString(5)),
                        r.getTimestamp(6).toInstant(), r.getObject(7, LocalDate.class)))
                .list());
        // the workspaces' zones in one read; a schedule of a workspace that is gone has nothing to open
        Map<UUID, WorkspaceSummary> found = workspaces.find(candidates.stream().map(Candidate::tenant).toList());
        Instant now = clock.instant();
        resume(now);
        for (Candidate candidate : candidates) {
            WorkspaceSummary workspace = found.get(candidate.tenant());
            if (workspace == null) {
                continue;
            }
            try {
                TenantScope.run(candidate.tenant(), () -> tx.executeWithoutResult(
                        s -> open(candidate, workspace.timeZone(), now)));
            } catch (RuntimeException e) {
                // a second node or a person's "send now" made the run first: it is there, which is all that counts
                log.info("Report schedule {} not opened this time: {}", candidate.id(), e.toString());
            }
        }
    }

    /**
     * Gives each due run its job if it has none: a person's "send again" that came while the run's last job was
     * still finishing found that job and scheduled nothing. A run with a job keeps it (scheduling is if-not-exists).
     */
    private void resume(Instant now) {
        record Due(UUID id, UUID tenant) {
        }
        List<Due> due = TenantScope.system("report runs", () -> jdbc.sql(
                        "select id, tenant_id from analytics_report_runs where status = 'DUE'")
                .query((r, i) -> new Due(r.getObject(1, UUID.class), r.getObject(2, UUID.class))).list());
        due.forEach(run -> jobs.schedule(ReportJobs.REPORT_RUN, run.tenant(), run.id(), now));
    }

    private void open(Candidate candidate, ZoneId zone, Instant now) {
        ReportCadence cadence = candidate.cadence();
        ReportPeriod latest = cadence.latestDue(now, zone);
        List<ReportPeriod> due = new ArrayList<>();
        for (ReportPeriod period = latest; due.size() <= MAX_MISSED; period = cadence.previous(period)) {
            boolean before = candidate.lastFrom() != null && !period.from().isAfter(candidate.lastFrom());
            if (before || cadence.dueAt(period, zone).isBefore(candidate.createdAt())) {
                break;
            }
            due.add(period);
        }
        if (due.isEmpty()) {
            return;
        }
        UUID runId = UUID.randomUUID();
        runs.insert(runId, candidate.tenant(), candidate.id(), latest, cadence.dueAt(latest, zone),
                RunStatus.DUE, null);
        jobs.schedule(ReportJobs.REPORT_RUN, candidate.tenant(), runId, now);
        List<ReportPeriod> missed = due.subList(1, due.size());
        if (missed.isEmpty()) {
            return;
        }
        String reason = "Flightdeck was not running when it was due";
        UUID lastMissed = null;
        for (ReportPeriod period : missed) {
            lastMissed = UUID.randomUUID();
            runs.insert(lastMissed, candidate.tenant(), candidate.id(), period,
                    cadence.dueAt(period, zone), RunStatus.MISSED, reason);
        }
        String name = campaigns.find(candidate.campaignId()).map(CampaignSnapshot::name).orElse("a campaign");
        ReportPeriod first = missed.get(missed.size() - 1);
        events.publishEvent(new ScheduledReportFailed(candidate.tenant(), candidate.id(), lastMissed,
                candidate.ownerId(), name, first.from(), missed.get(0).to(), RunStatus.MISSED.name(),
                (missed.size() == 1 ? "One report was" : missed.size() + " reports were") + " missed: " + reason
                        + ". Send " + (missed.size() == 1 ? "it" : "them") + " from the schedules page."));
    }
}
