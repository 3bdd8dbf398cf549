package io.flightdeck.search.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.search.domain.SavedSearchAlerts;
import io.flightdeck.search.domain.SearchReindexJob;
import io.flightdeck.search.domain.SearchReindexJob.SearchReindexTask;
import io.flightdeck.search.domain.SearchReindexes;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.JobTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The full reindex, in the workspace named by the task data, and the saved searches' alerts. It records its own failure on the reindex row (the admin
 * sees it and may start another), so a run that throws past that is rare and retried a little; a node that dies
 * mid-run leaves the task to db-scheduler, which runs it again on another node, from the start.
 */
@Configuration(proxyBeanMethods = false)
class SearchJobs {

    @Bean
    OneTimeTask<SearchReindexTask> searchReindex(SearchReindexes reindexes) {
        return JobTasks.once(SearchReindexJob.KIND, Failures.retry(3, Duration.ofSeconds(30)),
                data -> reindexes.run(data.reindexId()));
    }

    /** Every minute, the watched saved searches whose interval has passed (SavedSearchAlerts). */
    @Bean
    RecurringTask<Void> savedSearchAlertChecks(SavedSearchAlerts alerts) {
        return JobTasks.every("saved-search-alerts", Duration.ofMinutes(1), alerts::checkDue);
    }
}
