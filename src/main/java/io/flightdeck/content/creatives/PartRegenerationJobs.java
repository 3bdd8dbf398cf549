package io.flightdeck.content.creatives;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.content.creatives.PartRegenerations.RegenerationTaskData;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One execution per queued regeneration (instance id = its id). A run that throws past the request's own handling
 * (the database away) is tried again; a node that dies mid-run leaves the request RUNNING for the revived run, which
 * writes it again (nothing of it was kept).
 */
@Configuration(proxyBeanMethods = false)
class PartRegenerationJobs {

    static final OrphanSweep.Rule<RegenerationTaskData> ORPHANS = new OrphanSweep.Rule<>(PartRegenerations.REGENERATE,
            "creative_part_regenerations", "c.state in ('QUEUED', 'RUNNING')", null);

    @Bean
    OneTimeTask<RegenerationTaskData> creativePartRegenerationTask(PartRegenerations regenerations) {
        return JobTasks.once(PartRegenerations.REGENERATE, Failures.retry(3, Duration.ofSeconds(10)),
                data -> regenerations.run(data.regenerationId()));
    }

    @Bean
    RecurringTask<Void> creativePartRegenerationSweeper(OrphanSweep sweep) {
        return JobTasks.every("creative-part-regeneration-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
