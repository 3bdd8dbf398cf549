package io.flightdeck.publishing.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's workflow as people see it.
 *
 * @param status  RUNNING, PAUSED or COMPLETED; NOT_STARTED before the launch
 * @param current the step under way; null when every step is done or before the launch
 */
public record WorkflowView(UUID campaignId, String status, @Nullable WorkflowStep current, List<StepState> steps,
        @Nullable Instant startedAt, @Nullable Instant updatedAt, @Nullable Instant finishedAt) {

    static WorkflowView of(CampaignWorkflow w) {
        return new WorkflowView(w.getCampaignId(), w.getStatus().name(), w.current(), List.copyOf(w.getSteps()),
                w.getStartedAt(), w.getUpdatedAt(), w.getFinishedAt());
    }

    static WorkflowView notStarted(UUID campaignId) {
        return new WorkflowView(campaignId, "NOT_STARTED", null,
                java.util.Arrays.stream(WorkflowStep.values()).map(StepState::pending).toList(), null, null, null);
    }
}
