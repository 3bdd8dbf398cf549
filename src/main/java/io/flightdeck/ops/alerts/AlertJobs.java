package io.flightdeck.ops.alerts;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluation of alert rules: every minute by default, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class AlertJobs {

    @Bean
    RecurringTask<Void> alertRuleEvaluation(AlertEvaluation evaluation,
            @Value("${flightdeck.alerts.evaluate-every:PT1M}") Duration every) {
        return JobTasks.every("alert-rule-evaluation", every, evaluation::evaluateAll);
    }
}
