package io.flightdeck.guidance.strategy;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.guidance.strategy.StrategyGenerationQueue.GenerationTaskData;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One execution per queued strategy generation (instance id = its id). A run that throws past the request's own
 * handling (the database away) is tried again; a node that dies mid-run leaves the request RUNNING for the revived
 * run, which drafts again (nothing of it was kept).
 */
@Configuration(proxyBeanMethods = false)
class StrategyGenerationJobs {

    static final OrphanSweep.Rule<GenerationTaskData> ORPHANS = new OrphanSweep.Rule<>(StrategyGenerationQueue.GENERATE,
            "guidance_strategy_generation_requests", "c.state in ('QUEUED', 'RUNNING')", null);

    @Bean
    OneTimeTask<GenerationTaskData> strategyGenerationTask(StrategyGenerationQueue queue) {
        return JobTasks.once(StrategyGenerationQueue.GENERATE, Failures.retry(3, Duration.ofSeconds(10)),
                data -> queue.run(data.requestId()));
    }

    @Bean
    RecurringTask<Void> strategyGenerationSweeper(OrphanSweep sweep) {
        return JobTasks.every("strategy-generation-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
