package io.flightdeck.ops.retention;

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
 * The daily purge of every workspace (and the installation's event publications), on one node at a time; and a run
 * an admin started with "Run now", as a job of its own (instance id = the run's id).
 */
@Configuration(proxyBeanMethods = false)
class RetentionJobs {

    /** The task data: which run, in which workspace (stored in scheduled_tasks: never rename). */
    record RetentionTaskData(UUID workspaceId, UUID retentionRunId) implements WorkspaceTask {
    }

    static final JobKind<RetentionTaskData> RUN = JobKind.of("retention-run", RetentionTaskData.class,
            RetentionTaskData::new);

    @Bean
    RecurringTask<Void> retentionPurge(RetentionPurger purger,
            @Value("${flightdeck.retention.purge-every:P1D}") Duration every) {
        return JobTasks.every("retention-purge", every, purger::purgeAll);
    }

    @Bean
    OneTimeTask<RetentionTaskData> retentionRunTask(RetentionPurger purger) {
        return JobTasks.once(RUN, Failures.giveUpAfter(2, Duration.ofSeconds(30),
                (data, cause) -> purger.failed(data.retentionRunId(), cause)), data -> purger.run(data.retentionRunId()));
    }
}
