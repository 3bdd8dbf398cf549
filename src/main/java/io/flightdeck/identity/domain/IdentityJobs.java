package io.flightdeck.identity.domain;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityJobs {

    @Bean
    RecurringTask<Void> forgetOldSignInFailures(SignIn signIn) {
        return Tasks.recurring("forget-old-sign-in-failures", FixedDelay.ofMinutes(15))
                .execute((instance, context) -> signIn.forgetOldFailures());
    }
}
