package io.flightdeck.analytics.schedules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.flightdeck.analytics.ScheduledReportFailed;
import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger of a run's mails, one row per run and recipient under a unique key, and the run's outcome. Each method
 * runs in the caller's transaction, in the run's workspace. A run settles once (its status moves from DUE only), so
 * its owner is told once however often a job or a person retries.
 */
@Component
class RunLedger {

    enum MailStatus { QUEUED, HANDED_OVER, SENT, FAILED, IN_DOUBT }

    /** What a due run sends: its schedule's settings and the period. */
    record Target(UUID runId, UUID scheduleId, UUID campaignId, UUID ownerId, ReportKind kind, ReportFormat format,
            ReportCadence cadence, List<String> recipients, boolean skipWhenEmpty, ReportPeriod period) {
    }

    record MailRow(String recipient, String key, MailStatus status) {
    }

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunLedger(JdbcClient jdbc, CampaignDirectory campaigns, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /** The run with its schedule's settings, or null when it is not due (settled, or its schedule removed). */
    Target target(UUID runId) {
        return jdbc.sql("select r.id, s.id, s.campaign_id, s.owner_id, s.kind, s.format, s.cadence, s.recipients,"
                        + " s.skip_when_empty, r.period_from, r.period_to from analytics_report_runs r"
                        + " join analytics_report_schedules s on s.id = r.schedule_id"
                        + " where r.id = ? and r.tenant_id = ? and r.status = 'DUE'")
                .params(runId, TenantScope.require())
                .query((r, i) -> new Target(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getObject(3, UUID.class), r.getObject(4, UUID.class), ReportKind.valueOf(r.getString(5)),
                        ReportFormat.valueOf(r.getString(6)), ReportCadence.valueOf(r.getString(7)),
                        Arrays.asList(r.getString(8).split("\n")), r.getBoolean(9),
                        new ReportPeriod(r.getObject(10, LocalDate.class), r.getObject(11, LocalDate.class))))
                .optional().orElse(null);
    }

    /**
     * A row for each recipient the run has none for yet (a retry keeps the rows it has, sent ones included), the
     * as-of of the numbers being sent, and the rows still to send.
     */
    List<MailRow> open(Target target, Instant asOf, BiFunction<UUID, String, String> keys) {
        UUID tenant = TenantScope.require();
        for (String recipient : target.recipients()) {
            jdbc.sql("insert into analytics_report_mails (run_id, recipient, tenant_id, idempotency_key, status)"
                            + " select ?, ?, ?, ?, 'QUEUED' from (values (1)) one where not exists (select 1"
                            + " from analytics_report_mails m where m.run_id = ? and m.recipient = ?)")
                    .params(target.runId(), recipient, tenant, keys.apply(target.runId(), recipient), target.runId(),
                            recipient)
                    .update();
        }
        jdbc.sql("update analytics_report_runs set as_of = ? where id = ? and tenant_id = ?")
                .params(Timestamp.from(asOf), target.runId(), tenant).update();
        return jdbc.sql("select recipient, idempotency_key, status from analytics_report_mails where run_id = ?"
                        + " and tenant_id = ? and status in ('QUEUED', 'HANDED_OVER') order by recipient")
                .params(target.runId(), tenant)
                .query((r, i) -> new MailRow(r.getString(1), r.getString(2), MailStatus.valueOf(r.getString(3))))
                .list();
    }

    /** The mail's key: the run and a digest of the address (no address in a Message-ID), the same on every try. */
    static String key(UUID runId, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.UTF_8));
            return "report-" + runId + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void mark(UUID runId, MailRow row, MailStatus status, String detail) {
        jdbc.sql("update analytics_report_mails set status = ?, last_error = ?, sent_at = ? where run_id = ?"
                        + " and recipient = ? and tenant_id = ?")
                .params(status.name(), Text.cut(detail, 1000),
                        status == MailStatus.SENT ? Timestamp.from(clock.instant()) : null, runId, row.recipient(),
                        TenantScope.require())
                .update();
    }

    /** Settles the run from its mails: sent to all, or failed or in doubt with who did not get it and why. */
    void finish(Target target, String campaignName) {
        record Settled(String recipient, MailStatus status, String detail) {
        }
        List<Settled> rows = jdbc.sql("select recipient, status, last_error from analytics_report_mails"
                        + " where run_id = ? and tenant_id = ?")
                .params(target.runId(), TenantScope.require())
                .query((r, i) -> new Settled(r.getString(1), MailStatus.valueOf(r.getString(2)), r.getString(3)))
                .list();
        Map<MailStatus, List<Settled>> by = rows.stream().collect(Collectors.groupingBy(Settled::status));
        if (!by.containsKey(MailStatus.FAILED) && !by.containsKey(MailStatus.IN_DOUBT)) {
            settle(target, RunStatus.SENT, null, null, campaignName);
            return;
        }
        RunStatus status = by.containsKey(MailStatus.FAILED) ? RunStatus.FAILED : RunStatus.IN_DOUBT;
        String who = rows.stream().filter(r -> r.status() == MailStatus.FAILED || r.status() == MailStatus.IN_DOUBT)
                .map(r -> r.recipient() + (r.status() == MailStatus.IN_DOUBT ? " (may have arrived)" : "") + ": "
                        + r.detail())
                .collect(Collectors.joining("; "));
        settle(target, status, "Not sent to " + who, null, campaignName);
    }

    /** After the job gave up: what still waits failed with the cause. */
    void giveUp(UUID runId, String cause) {
        Target target = target(runId);
        if (target == null) {
            return;
        }
        jdbc.sql("update analytics_report_mails set status = 'FAILED', last_error = ? where run_id = ?"
                        + " and tenant_id = ? and status = 'QUEUED'")
                .params(Text.cut(cause, 1000), runId, TenantScope.require()).update();
        finish(target, campaigns.find(target.campaignId()).map(CampaignSnapshot::name).orElse("a removed campaign"));
    }

    /** Moves a due run to its outcome, once; anything but sent or skipped tells the schedule's owner. */
    void settle(Target target, RunStatus status, String detail, Instant asOf, String campaignName) {
        int moved = jdbc.sql("update analytics_report_runs set status = ?, detail = ?, finished_at = ?,"
                        + " as_of = coalesce(?, as_of) where id = ? and tenant_id = ? and status = 'DUE'")
                .params(status.name(), Text.cut(detail, 1000), Timestamp.from(clock.instant()),
                        asOf == null ? null : Timestamp.from(asOf), target.runId(), TenantScope.require())
                .update();
        if (moved == 1 && status != RunStatus.SENT && status != RunStatus.SKIPPED) {
            events.publishEvent(new ScheduledReportFailed(TenantScope.require(), target.scheduleId(), target.runId(),
                    target.ownerId(), campaignName, target.period().from(), target.period().to(), status.name(),
                    detail));
        }
    }
}
