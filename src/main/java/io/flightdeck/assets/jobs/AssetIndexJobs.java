package io.flightdeck.assets.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.assets.domain.AssetIndexRebuildJob;
import io.flightdeck.assets.domain.AssetIndexRebuildJob.AssetIndexRebuildTask;
import io.flightdeck.assets.domain.AssetIndexRebuilds;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index rebuild, in the workspace named by the task data. It records its own failure on the rebuild (the
 * admin sees it and may start another), so a run that throws past that is rare and retried a little; a node that dies
 * mid-run leaves the task to db-scheduler, which runs it again on another node, from the start.
 */
@Configuration(proxyBeanMethods = false)
class AssetIndexJobs {

    @Bean
    OneTimeTask<AssetIndexRebuildTask> assetSearchRebuild(AssetIndexRebuilds rebuilds) {
        return JobTasks.once(AssetIndexRebuildJob.KIND, Failures.retry(3, Duration.ofSeconds(30)),
                data -> rebuilds.run(data.rebuildId()));
    }
}
