package io.flightdeck.publishing.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.flightdeck.publishing.workflow.WorkflowSchedule.WorkflowTaskData;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workflow task: each run advances one campaign's workflow in its workspace and reschedules itself while a step
 * waits or posts are still going out. A run that throws is retried with growing pauses (a workflow is never dropped).
 */
@Configuration(proxyBeanMethods = false)
class WorkflowTasks {

    @Bean
    CustomTask<WorkflowTaskData> campaignWorkflowTask(CampaignWorkflows workflows) {
        return Tasks.custom(WorkflowSchedule.TASK)
                .onFailure(new ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10)))
                .execute((instance, context) -> {
                    WorkflowTaskData data = instance.getData();
                    Optional<Instant> next = TenantScope.call(data.workspaceId(), () -> workflows.advance(data.campaignId()));
                    if (next.isPresent()) {
                        Instant at = next.get();
                        return (complete, operations) -> operations.reschedule(complete, at);
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
