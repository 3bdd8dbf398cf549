package io.flightdeck.email.tracking;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each hour, on one node, Apple's list is fetched if the copy in use is a day old or there is none yet: first when the
 * installation starts, then daily, and a failed fetch is tried again an hour later.
 */
@Configuration(proxyBeanMethods = false)
class AppleProxyListJobs {

    static final String NAME = "email-apple-proxy-list";

    @Bean
    RecurringTask<Void> appleProxyListTask(AppleProxyList list) {
        return JobTasks.every(NAME, Duration.ofHours(1), list::refreshIfDue);
    }
}
