package io.flightdeck.email.facts;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every minute, on whichever node takes it, the sends that changed give analytics their numbers again. */
@Configuration(proxyBeanMethods = false)
class EmailFactJobs {

    static final String NAME = "email-facts";

    @Bean
    RecurringTask<Void> emailFactsTask(EmailFacts facts) {
        return JobTasks.every(NAME, Duration.ofMinutes(1), facts::syncChanged);
    }
}
