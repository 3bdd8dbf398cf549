package io.flightdeck.analytics;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rollups catch up with the facts every few seconds (5 by default), on whichever node takes the run. */
@Configuration(proxyBeanMethods = false)
class RollupJobs {

    static final String NAME = "analytics-rollups";

    @Bean
    RecurringTask<Void> analyticsRollupsTask(Rollups rollups,
            @Value("${flightdeck.analytics.rollup-every:PT5S}") Duration every) {
        return JobTasks.every(NAME, every, rollups::catchUp);
    }
}
