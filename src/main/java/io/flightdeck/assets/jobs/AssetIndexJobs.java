package io.flightdeck.assets.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.flightdeck.assets.domain.AssetIndexRebuildSchedule;
import io.flightdeck.assets.domain.AssetIndexRebuildSchedule.AssetIndexRebuildTask;
import io.flightdeck.assets.domain.AssetIndexRebuilds;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index rebuild, in the workspace named by the task data. It records its own failure on the rebuild (the
 * admin sees it and may start another) rather than retrying; a node that dies mid-run leaves the task to db-scheduler,
 * which runs it again on another node, from the start.
 */
@Configuration(proxyBeanMethods = false)
class AssetIndexJobs {

    @Bean
    OneTimeTask<AssetIndexRebuildTask> assetSearchRebuild(AssetIndexRebuilds rebuilds) {
        return Tasks.oneTime(AssetIndexRebuildSchedule.TASK).execute((instance, context) -> {
            AssetIndexRebuildTask data = instance.getData();
            // the scope opens outside any transaction; the rebuild opens its own, short ones
            TenantScope.run(data.workspaceId(), () -> rebuilds.run(data.rebuildId()));
        });
    }
}
