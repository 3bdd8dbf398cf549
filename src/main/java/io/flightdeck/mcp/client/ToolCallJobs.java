package io.flightdeck.mcp.client;

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
 * One execution per tool call (instance id = its id) while it is waiting, calling or retrying: each run makes one
 * attempt ({@link ToolCallRunner#step}). A node that dies mid-call leaves its run to another once its heartbeats
 * stop, which finds the call CALLING and puts it in doubt.
 */
@Configuration(proxyBeanMethods = false)
class ToolCallJobs {

    /** The task data: which tool call, in which workspace (stored in scheduled_tasks: never rename). */
    record ToolCallTaskData(UUID workspaceId, UUID toolCallId) implements WorkspaceTask {
    }

    static final JobKind<ToolCallTaskData> CALL = JobKind.of("mcp-tool-call", ToolCallTaskData.class,
            ToolCallTaskData::new);

    static final OrphanSweep.Rule<ToolCallTaskData> ORPHANS = new OrphanSweep.Rule<>(CALL, "mcp_tool_calls",
            "c.state in ('WAITING', 'CALLING', 'RETRYING')", "next_attempt_at");

    @Bean
    CustomTask<ToolCallTaskData> mcpToolCallTask(ToolCallRunner runner) {
        return JobTasks.stepped(CALL, Failures.giveUpAfter(3, Duration.ofSeconds(10),
                (data, cause) -> runner.giveUp(data.toolCallId(), cause)), data -> runner.step(data.toolCallId()));
    }

    @Bean
    RecurringTask<Void> mcpToolCallSweeper(OrphanSweep sweep) {
        return JobTasks.every("mcp-tool-call-sweeper", Duration.ofMinutes(1), () -> sweep.sweep(ORPHANS));
    }
}
