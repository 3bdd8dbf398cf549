package io.flightdeck.analytics.schedules;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled reports' two jobs: every minute, on one node, due periods get their run ({@link DueReports}); each run
 * is sent by a job of its own (instance id = run id), retried with growing pauses while the mail server cannot take
 * its mails, and settled as failed after the last attempt, so its owner hears of it.
 */
@Configuration(proxyBeanMethods = false)
class ReportJobs {

    /** The task data: which run, in which workspace (field names stored in scheduled_tasks: never rename). */
    record ReportRunData(UUID workspaceId, UUID runId) implements WorkspaceTask {
    }

    static final JobKind<ReportRunData> REPORT_RUN = JobKind.of("analytics-report-run", ReportRunData.class,
            ReportRunData::new);

    static final int RETRIES = 5;

    @Bean
    OneTimeTask<ReportRunData> analyticsReportRunTask(ReportRunner runner,
            @Value("${flightdeck.analytics.report-retry-pause:PT1M}") Duration pause) {
        return JobTasks.once(REPORT_RUN, Failures.giveUpAfter(RETRIES, pause,
                (data, cause) -> runner.giveUp(data.runId(), cause)), data -> runner.run(data.runId()));
    }

    @Bean
    RecurringTask<Void> analyticsReportSchedulesTask(DueReports due,
            @Value("${flightdeck.analytics.report-schedules-every:PT1M}") Duration every) {
        return JobTasks.every("analytics-report-schedules", every, due::open);
    }
}
