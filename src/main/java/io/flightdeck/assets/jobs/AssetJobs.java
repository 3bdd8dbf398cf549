package io.flightdeck.assets.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.flightdeck.assets.domain.DerivedData;
import io.flightdeck.assets.domain.DerivedDataSchedule;
import io.flightdeck.assets.domain.DerivedDataSchedule.DerivedDataTask;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The derived-data job: measures one new content in its workspace (from the task data). A failure (storage not
 * reachable, say) is retried with exponential back-off, three times at most; a file that cannot be read is not a
 * failure, it is recorded as unreadable with the reason.
 */
@Configuration(proxyBeanMethods = false)
class AssetJobs {

    static final int MAX_RETRIES = 3;

    @Bean
    OneTimeTask<DerivedDataTask> derivedDataTask(DerivedData derivedData) {
        return Tasks.oneTime(DerivedDataSchedule.TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10))))
                .execute((instance, context) -> {
                    DerivedDataTask data = instance.getData();
                    // the scope opens outside any transaction; the service opens its own inside it
                    TenantScope.run(data.workspaceId(), () -> {
                        try {
                            derivedData.measure(data.contentId());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                });
    }
}
