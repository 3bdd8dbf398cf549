package io.flightdeck.notifications.domain;

import java.util.List;

import io.flightdeck.analytics.ScheduledReportFailed;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A scheduled report did not reach everyone: the schedule's owner hears which report, which days, and why, with a
 * link to the schedules page where the run can be sent again. The run runs in the background, so the owner is told
 * though the schedule is theirs.
 */
@Component
class ReportTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;

    ReportTriggers(Notifier notifier, OncePerEvent once) {
        this.notifier = notifier;
        this.once = once;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ScheduledReportFailed event) {
        String days = event.periodFrom().equals(event.periodTo()) ? event.periodFrom().toString()
                : event.periodFrom() + " to " + event.periodTo();
        String title = switch (event.status()) {
            case "MISSED" -> "Scheduled report of " + event.campaignName() + " missed";
            case "IN_DOUBT" -> "Scheduled report of " + event.campaignName() + " may not have arrived";
            default -> "Scheduled report of " + event.campaignName() + " failed";
        };
        NotificationDraft draft = NotificationDraft.of("report-failed:" + event.runId() + ":" + event.status(),
                NotificationTrigger.REPORT_FAILED, title + " (" + days + ")",
                "/analytics/schedules#schedule-" + event.scheduleId(), "You scheduled this report.", "report-run",
                event.runId(), null, null).withBody(event.reason());
        TenantScope.run(event.workspaceId(), () -> once.run(() -> notifier.notify(draft, List.of(event.ownerId()))));
    }
}
