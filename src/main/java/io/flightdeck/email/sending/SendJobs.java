package io.flightdeck.email.sending;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One execution per email campaign (instance id = its id) while it is scheduled or sending: each run sends batches
 * for a few seconds ({@link SendRunner#step}). One run at a time per send, on whichever node picks it; a node that dies mid-batch
 * leaves its run to another once its heartbeats stop, which carries on from the ledger.
 */
@Configuration(proxyBeanMethods = false)
class SendJobs {

    /** The task data: which email campaign, in which workspace (stored in scheduled_tasks: never rename). */
    record SendTaskData(UUID workspaceId, UUID emailCampaignId) implements WorkspaceTask {
    }

    static final JobKind<SendTaskData> SEND = JobKind.of("email-send", SendTaskData.class, SendTaskData::new);

    static final OrphanSweep.Rule<SendTaskData> ORPHANS = new OrphanSweep.Rule<>(SEND, "email_campaigns",
            "c.status in ('SCHEDULED', 'SENDING')", "scheduled_at");

    @Bean
    CustomTask<SendTaskData> emailSendTask(SendRunner runner) {
        return JobTasks.stepped(SEND, Failures.retryForever(Duration.ofSeconds(5)),
                data -> runner.step(data.emailCampaignId()));
    }

    @Bean
    RecurringTask<Void> emailSendSweeper(OrphanSweep sweep) {
        return JobTasks.every("email-send-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
