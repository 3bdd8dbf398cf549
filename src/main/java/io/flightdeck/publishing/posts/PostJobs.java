package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.OrphanSweep;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel post's jobs: one execution per channel post (instance id = its id) that runs one step of the post
 * ({@link PublishRunner#step}) and reschedules itself for the next until the post ends. A step that throws (the
 * database away, say) is retried with growing pauses; past the budget a person is asked to look. A post in
 * "publishing" is resolved by asking the network, never by sending blindly. The sweeper revives any scheduled or
 * publishing post left without an execution.
 */
@Configuration(proxyBeanMethods = false)
class PostJobs {

    /** The task data: which channel post, in which workspace (field names as stored since the first release). */
    record PostTaskData(UUID workspaceId, UUID channelPostId) implements WorkspaceTask {
    }

    static final JobKind<PostTaskData> CHANNEL_POST = JobKind.of("channel-post", PostTaskData.class, PostTaskData::new);

    static final int MAX_STEP_FAILURES = 8;

    static final OrphanSweep.Rule<PostTaskData> ORPHANS = new OrphanSweep.Rule<>(CHANNEL_POST, "channel_posts",
            "c.status in ('SCHEDULED', 'PUBLISHING')", "scheduled_at");

    @Bean
    CustomTask<PostTaskData> channelPostTask(PublishRunner runner) {
        return JobTasks.stepped(CHANNEL_POST,
                Failures.giveUpAfter(MAX_STEP_FAILURES, Duration.ofSeconds(5),
                        (data, cause) -> runner.stepKeptFailing(data.channelPostId(), cause)),
                (data, dueSince) -> runner.step(data.channelPostId(), dueSince));
    }

    @Bean
    RecurringTask<Void> postNumbersTask(PostNumbersFetcher fetcher) {
        // every minute, so a post's first look comes within a minute of its due time (a read of an index when none is)
        return JobTasks.every("channel-post-numbers", Duration.ofMinutes(1), fetcher::fetchDue);
    }

    @Bean
    RecurringTask<Void> channelPostSweeper(OrphanSweep sweep) {
        return JobTasks.every("channel-post-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
