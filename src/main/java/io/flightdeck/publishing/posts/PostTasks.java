package io.flightdeck.publishing.posts;

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
import io.flightdeck.publishing.posts.PostSchedule.PostTaskData;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel post task: each execution runs one step of one post ({@link PublishRunner#step}) in its workspace and
 * reschedules itself for the next until the post ends. A step that throws (the database away, say) is retried by
 * db-scheduler with growing pauses; a post in "publishing" is then resolved by asking the network, never by sending
 * blindly. The sweeper revives any scheduled or publishing post left without an execution.
 */
@Configuration(proxyBeanMethods = false)
class PostTasks {

    static final int MAX_STEP_FAILURES = 8;

    private static final Logger log = LoggerFactory.getLogger(PostTasks.class);

    @Bean
    CustomTask<PostTaskData> channelPostTask(PublishRunner runner) {
        return Tasks.custom(PostSchedule.TASK)
                .onFailure(new MaxRetriesFailureHandler<>(MAX_STEP_FAILURES,
                        new ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)), (complete, operations) -> {
                            PostTaskData data = (PostTaskData) complete.getExecution().taskInstance.getData();
                            String cause = complete.getCause().map(Throwable::toString).orElse("unknown");
                            log.warn("Channel post {} in workspace {}: a step failed {} times; a person must look: {}",
                                    data.channelPostId(), data.workspaceId(), MAX_STEP_FAILURES + 1, cause);
                            TenantScope.run(data.workspaceId(), () -> runner.stepKeptFailing(data.channelPostId(), cause));
                            operations.remove();
                        }))
                .execute((instance, context) -> {
                    PostTaskData data = instance.getData();
                    Optional<Instant> next = TenantScope.call(data.workspaceId(), () -> runner.step(data.channelPostId()));
                    if (next.isPresent()) {
                        Instant at = next.get();
                        return (complete, operations) -> operations.reschedule(complete, at);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean
    RecurringTask<Void> postNumbersTask(PostNumbersFetcher fetcher) {
        return Tasks.recurring("channel-post-numbers", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> fetcher.fetchDue());
    }

    @Bean
    RecurringTask<Void> channelPostSweeper(PostSweeper sweeper) {
        return Tasks.recurring("channel-post-sweeper", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> sweeper.sweep());
    }
}
