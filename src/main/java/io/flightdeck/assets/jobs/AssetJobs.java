package io.flightdeck.assets.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.assets.domain.DerivedData;
import io.flightdeck.assets.domain.DerivedDataJob;
import io.flightdeck.assets.domain.DerivedDataJob.DerivedDataTask;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
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
        return JobTasks.once(DerivedDataJob.KIND, Failures.retry(MAX_RETRIES, Duration.ofSeconds(10)), data -> {
            try {
                derivedData.measure(data.contentId());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
