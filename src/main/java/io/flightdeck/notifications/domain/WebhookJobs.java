package io.flightdeck.notifications.domain;

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
 * One execution per webhook message (instance id = its id): each run is one attempt ({@link WebhookRunner#step}),
 * rescheduled for the next after a failure until it is sent or dead. A run that throws (the database away) is retried
 * with growing pauses; the sweeper revives any open message left without an execution.
 */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

    /** The task data: which message, in which workspace (stored in scheduled_tasks: never rename). */
    record MessageTaskData(UUID workspaceId, UUID messageId) implements WorkspaceTask {
    }

    static final JobKind<MessageTaskData> MESSAGE = JobKind.of("webhook-message", MessageTaskData.class,
            MessageTaskData::new);

    static final OrphanSweep.Rule<MessageTaskData> ORPHANS = new OrphanSweep.Rule<>(MESSAGE, "webhook_messages",
            "c.status in ('QUEUED', 'SENDING', 'FAILED')", "next_attempt_at");

    @Bean
    CustomTask<MessageTaskData> webhookMessageTask(WebhookRunner runner) {
        return JobTasks.stepped(MESSAGE, Failures.retryForever(Duration.ofSeconds(5)),
                data -> runner.step(data.messageId()));
    }

    @Bean
    RecurringTask<Void> webhookMessageSweeper(OrphanSweep sweep) {
        return JobTasks.every("webhook-message-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
