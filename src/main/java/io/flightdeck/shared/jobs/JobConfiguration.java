package io.flightdeck.shared.jobs;

import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * db-scheduler runs every retryable side effect. Task data is JSON (readable in the table, safe across class
 * changes), and every task's data carries its workspace id so the task can open a
 * {@link io.flightdeck.shared.tenancy.TenantScope}.
 */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobConfiguration.class);

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new Jackson3Serializer());
            }
        };
    }

    /**
     * Spring Modulith retries a failed event listener only at restart; this task hands incomplete publications older
     * than the given age back to their listeners every minute, on whichever node picks it up.
     */
    @Bean
    RecurringTask<Void> resubmitIncompleteEvents(IncompleteEventPublications publications,
            @Value("${flightdeck.events.resubmit-after:PT1M}") Duration olderThan) {
        return Tasks.recurring("resubmit-incomplete-events", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    publications.resubmitIncompletePublicationsOlderThan(olderThan);
                    log.debug("Resubmitted event publications older than {}", olderThan);
                });
    }
}
