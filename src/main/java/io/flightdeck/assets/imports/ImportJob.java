package io.flightdeck.assets.imports;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import job: one per import (instance id = import id), scheduled in the transaction that creates the import,
 * run in the import's workspace outside any transaction ({@link ImportRun} opens its own). A failure (the database
 * away, say) is retried with growing pauses, three times; then the import is marked failed with the reason. A node
 * that dies mid-run leaves a dead execution, which db-scheduler revives on another: the run resumes after its last
 * committed batch, or starts over where nothing was committed.
 */
@Configuration(proxyBeanMethods = false)
class ImportJob {

    /** The task data: which import, in which workspace (field names as stored since the first release). */
    record ImportTaskData(UUID workspaceId, UUID importId) implements WorkspaceTask {
    }

    static final JobKind<ImportTaskData> ASSET_IMPORT = JobKind.of("asset-import", ImportTaskData.class,
            ImportTaskData::new);

    static final int MAX_RETRIES = 3;

    @Bean
    OneTimeTask<ImportTaskData> assetImport(ImportRun run, ImportLedger ledger) {
        return JobTasks.once(ASSET_IMPORT,
                Failures.giveUpAfter(MAX_RETRIES, Duration.ofSeconds(10), (data, cause) -> ledger.fail(data.importId(),
                        null, "The import failed " + (MAX_RETRIES + 1) + " times and was given up: " + cause, null)),
                data -> run.run(data.importId()));
    }
}
