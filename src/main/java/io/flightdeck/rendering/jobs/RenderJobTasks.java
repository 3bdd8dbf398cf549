package io.flightdeck.rendering.jobs;

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
 * The render job's jobs: one execution per job (instance id = job id) that runs one step ({@link RenderRunner#step})
 * in the job's workspace and reschedules itself for the next (the poll after a back-off, the retry after its pause)
 * until the job ends. A step that throws (the database away, say) is retried with growing pauses; past the budget the
 * job is failed with the reason, so nothing stays "running" for ever. The sweeper puts back any queued or running job
 * that has no execution (a resubmit that raced the end of the previous one).
 */
@Configuration(proxyBeanMethods = false)
class RenderJobTasks {

    /** The task data: which job, in which workspace (field names as stored since the first release). */
    record RenderTaskData(UUID workspaceId, UUID jobId) implements WorkspaceTask {
    }

    static final JobKind<RenderTaskData> RENDER_JOB = JobKind.of("render-job", RenderTaskData.class, RenderTaskData::new);

    static final int MAX_STEP_FAILURES = 5;

    static final OrphanSweep.Rule<RenderTaskData> ORPHANS = new OrphanSweep.Rule<>(RENDER_JOB, "render_jobs",
            "c.status in ('QUEUED', 'RUNNING') and c.submit_requested = true", "next_attempt_at");

    @Bean
    CustomTask<RenderTaskData> renderJobTask(RenderRunner runner) {
        return JobTasks.stepped(RENDER_JOB,
                Failures.giveUpAfter(MAX_STEP_FAILURES, Duration.ofSeconds(5),
                        (data, cause) -> runner.failStuck(data.jobId(), cause)),
                data -> runner.step(data.jobId()));
    }

    @Bean
    RecurringTask<Void> renderJobSweeper(OrphanSweep sweep) {
        return JobTasks.every("render-job-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
