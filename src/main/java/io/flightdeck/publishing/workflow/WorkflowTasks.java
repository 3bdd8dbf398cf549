package io.flightdeck.publishing.workflow;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.WorkspaceTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workflow job: one execution per running workflow (instance id = campaign id); each run advances one campaign's
 * workflow in its workspace and reschedules itself while a step waits or posts are still going out. A run that
 * throws is retried with growing pauses (a workflow is never dropped).
 */
@Configuration(proxyBeanMethods = false)
class WorkflowTasks {

    /** The task data: which campaign, in which workspace (field names as stored since the first release). */
    record WorkflowTaskData(UUID workspaceId, UUID campaignId) implements WorkspaceTask {
    }

    static final JobKind<WorkflowTaskData> CAMPAIGN_WORKFLOW = JobKind.of("campaign-workflow", WorkflowTaskData.class,
            WorkflowTaskData::new);

    @Bean
    CustomTask<WorkflowTaskData> campaignWorkflowTask(CampaignWorkflows workflows) {
        return JobTasks.stepped(CAMPAIGN_WORKFLOW, Failures.retryForever(Duration.ofSeconds(10)),
                data -> workflows.advance(data.campaignId()));
    }
}
