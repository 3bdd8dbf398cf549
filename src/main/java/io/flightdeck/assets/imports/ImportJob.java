package io.flightdeck.assets.imports;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.flightdeck.assets.imports.ImportSchedule.ImportTaskData;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The import job: in the import's workspace (from the task data), outside any transaction; {@link ImportRun} opens its
 * own. A failure (the database away, say) is retried with growing pauses, three times; then the import is marked
 * failed with the reason. A node that dies mid-run leaves a dead execution, which db-scheduler revives on another:
 * the run resumes after its last committed batch, or starts over where nothing was committed.
 */
@Configuration(proxyBeanMethods = false)
class ImportJob {

    static final int MAX_RETRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    @Bean
    OneTimeTask<ImportTaskData> assetImport(ImportRun run, ImportLedger ledger) {
        return Tasks.oneTime(ImportSchedule.TASK)
                .onFailure(new MaxRetriesFailureHandler<>(MAX_RETRIES,
                        new ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)), (complete, operations) -> {
                            ImportTaskData data = (ImportTaskData) complete.getExecution().taskInstance.getData();
                            String cause = complete.getCause().map(Throwable::getMessage).orElse("unknown");
                            log.warn("Import {} in workspace {} failed {} times; giving up: {}", data.importId(),
                                    data.workspaceId(), MAX_RETRIES + 1, cause);
                            TenantScope.run(data.workspaceId(), () -> ledger.fail(data.importId(), null,
                                    "The import failed " + (MAX_RETRIES + 1) + " times and was given up: " + cause, null));
                        }))
                .execute((instance, context) -> {
                    ImportTaskData data = instance.getData();
                    TenantScope.run(data.workspaceId(), () -> run.run(data.importId()));
                });
    }
}
