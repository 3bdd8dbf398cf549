package io.flightdeck.analytics.schedules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.reports.CampaignReport;
import io.flightdeck.analytics.reports.CampaignReports;
import io.flightdeck.analytics.reports.ReportFiles;
import io.flightdeck.analytics.reports.ReportQuery;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.mail.MailFailure;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one run of a schedule: the report built from its one query definition, skipped when empty if the schedule
 * says so, then one mail per recipient through the ledger ({@link RunLedger}): the row is committed before the mail,
 * marked handed over at the last moment before it leaves, and sent when the server took it. A row found handed over
 * after a crash is looked up (the outbox can tell) and otherwise left in doubt for a person, never sent again by
 * itself. A server that could not take a mail now makes the job try again later; the run settles when every mail has.
 * <p>
 * {@code flightdeck.analytics.report-hold-at} ({@code before-send}, {@code after-send}) holds a runner thread for
 * the crash test ({@link CrashHold}); never set in production.
 */
@Component
class ReportRunner {

    static final Set<String> BOUNDARIES = Set.of("before-send", "after-send");

    private final RunLedger ledger;
    private final CampaignReports reports;
    private final CampaignDashboards dashboards;
    private final ReportFiles files;
    private final ReportMails mails;
    private final MemberDirectory members;
    private final MailTransport transport;
    private final TransactionTemplate tx;
    private final CrashHold hold;

    ReportRunner(RunLedger ledger, CampaignReports reports, CampaignDashboards dashboards, ReportFiles files,
            ReportMails mails, MemberDirectory members, MailTransport transport, TransactionTemplate tx,
            @Value("${flightdeck.analytics.report-hold-at:}") String holdAt) {
        this.ledger = ledger;
        this.reports = reports;
        this.dashboards = dashboards;
        this.files = files;
        this.mails = mails;
        this.members = members;
        this.transport = transport;
        this.tx = tx;
        this.hold = CrashHold.of("flightdeck.analytics.report-hold-at", holdAt, BOUNDARIES);
    }

    /** Sends what the run has not sent; throws when some mail must wait, so the job tries again later. */
    void run(UUID runId) {
        RunLedger.Target target = tx.execute(s -> ledger.target(runId));
        if (target == null) {
            return;
        }
        CampaignReport report;
        try {
            report = reports.build(new ReportQuery(target.campaignId(), target.kind(), target.period().from(),
                    target.period().to()));
        } catch (NotFoundException e) {
            tx.executeWithoutResult(s -> ledger.settle(target, RunStatus.FAILED,
                    "The campaign is no longer in the workspace", null, "a removed campaign"));
            return;
        } catch (InvalidInputException e) {
            tx.executeWithoutResult(s -> ledger.settle(target, RunStatus.FAILED, e.getMessage(), null,
                    "the campaign"));
            return;
        }
        if (target.skipWhenEmpty() && empty(target)) {
            tx.executeWithoutResult(s -> ledger.settle(target, RunStatus.SKIPPED, "Nothing was measured in these "
                    + "days, and the schedule skips empty reports", report.asOf(), report.campaignName()));
            return;
        }
        String owner = members.displayNames(List.of(target.ownerId())).getOrDefault(target.ownerId(),
                "A former member");
        ReportMails.Composed composed = mails.compose(report, target.format(), file(report, target), target.cadence(),
                owner);
        List<RunLedger.MailRow> rows = tx.execute(s -> ledger.open(target, report.asOf(), RunLedger::key));
        boolean later = false;
        for (RunLedger.MailRow row : rows) {
            later |= !send(runId, row, composed);
        }
        if (later) {
            throw new IllegalStateException("The mail server did not take every mail of the report; trying again later");
        }
        tx.executeWithoutResult(s -> ledger.finish(target, report.campaignName()));
    }

    /** After the job's last attempt: the mails still waiting failed with the last cause, and the run settles. */
    void giveUp(UUID runId, String cause) {
        tx.executeWithoutResult(s -> ledger.giveUp(runId, "Not sent after several attempts: " + cause));
    }

    /** Answers false when the mail must be tried again later. */
    private boolean send(UUID runId, RunLedger.MailRow row, ReportMails.Composed composed) {
        UUID tenant = TenantScope.require();
        if (row.status() == RunLedger.MailStatus.HANDED_OVER) {
            var went = transport.sent(tenant, row.key());
            if (went.orElse(false)) {
                tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.SENT, null));
                return true;
            }
            if (went.isEmpty()) {
                tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.IN_DOUBT,
                        "Cut off after it was handed to the mail server, so it may have arrived"));
                return true;
            }
        }
        hold.reached("before-send", "report run " + runId + " mail " + row.key());
        AtomicBoolean handedOver = new AtomicBoolean();
        try {
            transport.send(composed.to(tenant, row.key(), row.recipient()), () -> {
                tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.HANDED_OVER, null));
                handedOver.set(true);
            });
        } catch (MailFailure failure) {
            if (failure.permanent()) {
                tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.FAILED, failure.getMessage()));
                return true;
            }
            if (handedOver.get() && !failure.answered()) {
                tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.IN_DOUBT,
                        "The connection broke after the mail was handed over, so it may have arrived"));
                return true;
            }
            tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.QUEUED, failure.getMessage()));
            return false;
        }
        hold.reached("after-send", "report run " + runId + " mail " + row.key());
        tx.executeWithoutResult(s -> ledger.mark(runId, row, RunLedger.MailStatus.SENT, null));
        return true;
    }

    /** Whether nothing at all was measured for the campaign in the period's days. */
    private boolean empty(RunLedger.Target target) {
        return dashboards.of(target.campaignId(), target.period().from(), target.period().to()).trend().stream()
                .allMatch(day -> day.values().values().stream().allMatch(v -> v.signum() == 0));
    }

    private byte[] file(CampaignReport report, RunLedger.Target target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            files.write(report, target.format(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
