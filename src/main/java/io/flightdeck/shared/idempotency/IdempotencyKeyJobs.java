package io.flightdeck.shared.idempotency;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdempotencyKeyJobs {

    @Bean
    RecurringTask<Void> purgeIdempotencyKeys(IdempotencyKeys keys, Clock clock) {
        return Tasks.recurring("purge-idempotency-keys", FixedDelay.ofHours(1))
                .execute((instance, context) -> keys.purgeOlderThan(clock.instant().minus(IdempotencyKeys.RETENTION)));
    }
}
