package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
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
 * One execution per row of the outgoing ledger, a member's delivery or a webhook message alike (instance id = its
 * id): each run is one attempt ({@link OutgoingNotificationRunner#step}), rescheduled for the next after a failure
 * until it is sent or dead. A run that throws (the database away) is retried with growing pauses for as long as it
 * takes: a row is never dropped by the kit, only by its own retry budget, with its reason. The sweeper revives any
 * open row left without an execution.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryJobs {

    /**
     * The task data: which row, in which workspace (stored in scheduled_tasks: never rename). Webhook messages had a
     * job kind of their own ({@code webhook-message}, data {@code messageId}) until the two ledgers became one; the
     * migration that joined them renamed their executions to this kind, and the alias reads their data.
     */
    record DeliveryTaskData(UUID workspaceId, @JsonAlias("messageId") UUID deliveryId) implements WorkspaceTask {
    }

    static final JobKind<DeliveryTaskData> DELIVERY = JobKind.of("notification-delivery", DeliveryTaskData.class,
            DeliveryTaskData::new);

    static final OrphanSweep.Rule<DeliveryTaskData> ORPHANS = new OrphanSweep.Rule<>(DELIVERY, "notification_deliveries",
            "c.status in ('QUEUED', 'SENDING', 'FAILED')", "next_attempt_at");

    @Bean
    CustomTask<DeliveryTaskData> notificationDeliveryTask(OutgoingNotificationRunner runner) {
        return JobTasks.stepped(DELIVERY, Failures.retryForever(Duration.ofSeconds(5)),
                data -> runner.step(data.deliveryId()));
    }

    @Bean
    RecurringTask<Void> notificationDeliverySweeper(OrphanSweep sweep) {
        return JobTasks.every("notification-delivery-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
