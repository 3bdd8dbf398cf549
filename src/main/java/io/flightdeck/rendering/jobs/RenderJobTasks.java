package io.flightdeck.rendering.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.flightdeck.rendering.jobs.RenderSchedule.RenderTaskData;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The render job task: each execution runs one step of one job ({@link RenderRunner#step}) in the job's workspace and
 * reschedules itself for the next (the poll after a back-off, the retry after its pause) until the job ends. A step
 * that throws (the database away, say) is retried by db-scheduler with growing pauses; after the last, the job is
 * failed with the reason, so nothing stays "running" for ever. The sweeper puts back any queued or running job that
 * has no execution (a resubmit that raced the end of the previous one).
 */
@Configuration(proxyBeanMethods = false)
class RenderJobTasks {

    static final int MAX_STEP_FAILURES = 5;

    private static final Logger log = LoggerFactory.getLogger(RenderJobTasks.class);

    @Bean
    CustomTask<RenderTaskData> renderJobTask(RenderRunner runner) {
        return Tasks.custom(RenderSchedule.TASK)
                .onFailure(new MaxRetriesFailureHandler<>(MAX_STEP_FAILURES,
                        new ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)), (complete, operations) -> {
                            RenderTaskData data = (RenderTaskData) complete.getExecution().taskInstance.getData();
                            String cause = complete.getCause().map(Throwable::toString).orElse("unknown");
                            log.warn("Render job {} in workspace {}: a step failed {} times; failing the job: {}",
                                    data.jobId(), data.workspaceId(), MAX_STEP_FAILURES + 1, cause);
                            TenantScope.run(data.workspaceId(), () -> runner.failStuck(data.jobId(), cause));
                            operations.remove();
                        }))
                .execute((instance, context) -> {
                    RenderTaskData data = instance.getData();
                    Optional<Instant> next = TenantScope.call(data.workspaceId(), () -> runner.step(data.jobId()));
                    if (next.isPresent()) {
                        Instant at = next.get();
                        return (complete, operations) -> operations.reschedule(complete, at);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean
    RecurringTask<Void> renderJobSweeper(RenderSweeper sweeper) {
        return Tasks.recurring("render-job-sweeper", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> sweeper.sweep());
    }
}
