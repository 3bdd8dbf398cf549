package io.flightdeck.email.sending;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.email.sending.EmailTestSends.TestSendTaskData;
import io.flightdeck.email.templates.TestSendQueue;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One execution per queued test send (instance id = its id). A run that throws before the attempt began (the database
 * away) is tried again, and after the last try the test is settled FAILED with the cause, so none waits for ever; a run
 * that finds the attempt begun sends nothing, and the ledger shows the test in doubt.
 */
@Configuration(proxyBeanMethods = false)
class EmailTestSendJobs {

    static final OrphanSweep.Rule<TestSendTaskData> ORPHANS = new OrphanSweep.Rule<>(EmailTestSends.SEND_TEST,
            "email_test_sends", "c.state = 'WAITING'", "next_attempt_at");

    @Bean
    OneTimeTask<TestSendTaskData> emailTestSendTask(EmailTestSends testSends, TestSendQueue queue) {
        return JobTasks.once(EmailTestSends.SEND_TEST, Failures.giveUpAfter(3, Duration.ofSeconds(10),
                        (data, cause) -> queue.giveUp(data.testSendId(), "Not sent: Flightdeck failed to send it ("
                                + cause + "); send a new test")),
                data -> testSends.run(data.testSendId()));
    }

    @Bean
    RecurringTask<Void> emailTestSendSweeper(OrphanSweep sweep) {
        return JobTasks.every("email-test-send-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
