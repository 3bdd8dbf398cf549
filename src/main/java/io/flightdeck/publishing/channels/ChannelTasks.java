package io.flightdeck.publishing.channels;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every ten minutes, tokens about to end are renewed, accounts' health follows their tokens, and connection attempts
 * long expired are forgotten.
 */
@Configuration(proxyBeanMethods = false)
class ChannelTasks {

    @Bean
    RecurringTask<Void> channelTokensTask(ChannelTokens tokens, ChannelConnects connects) {
        return Tasks.recurring("channel-tokens", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> {
                    tokens.checkAll();
                    connects.forgetExpired();
                });
    }
}
