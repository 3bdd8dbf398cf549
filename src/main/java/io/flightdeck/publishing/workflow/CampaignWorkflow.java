package io.flightdeck.publishing.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A campaign's orchestration workflow (seed 002): VALIDATE → SCHEDULE → PUBLISH → MONITOR, each step with its status,
 * times, attempts and last finding. The launch starts it, a pause holds it, a resume goes on from where it was, the
 * campaign's end finishes it; {@link WorkflowMove} refuses any other move. Each run of the workflow's task advances
 * the current step as far as it can.
 */
@Entity
@Table(name = "campaign_workflows")
class CampaignWorkflow extends TenantOwnedEntity {

    enum Status { RUNNING, PAUSED, COMPLETED }

    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<StepState> steps = new ArrayList<>();
    private Instant startedAt;
    private Instant updatedAt;
    private Instant finishedAt;
    @Version
    @Column(name = "version")
    private long version;

    protected CampaignWorkflow() {
    }

    CampaignWorkflow(UUID campaignId, Instant now) {
        this.campaignId = campaignId;
        this.status = Status.RUNNING;
        for (WorkflowStep step : WorkflowStep.values()) {
            steps.add(StepState.pending(step));
        }
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** The first step not done; null when all are. */
    WorkflowStep current() {
        return steps.stream().filter(s -> !s.done()).map(StepState::step).findFirst().orElse(null);
    }

    /** Records a run of the current step. */
    void ran(WorkflowStep step, StepStatus stepStatus, String message, Instant now) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                StepState before = steps.get(i);
                // a step that keeps finding the same thing is not a new attempt worth counting
                if (before.status() == stepStatus && java.util.Objects.equals(before.message(), message)) {
                    return;
                }
                List<StepState> changed = new ArrayList<>(steps);
                changed.set(i, before.ran(stepStatus, message, now));
                this.steps = changed;
                this.updatedAt = now;
                return;
            }
        }
    }

    void pause(Instant now) {
        WorkflowMove.PAUSE.requireFrom(status);
        this.status = Status.PAUSED;
        this.updatedAt = now;
    }

    void resume(Instant now) {
        WorkflowMove.RESUME.requireFrom(status);
        this.status = Status.RUNNING;
        this.updatedAt = now;
    }

    /** The campaign ended: the step under way and the watching one are done; steps never reached stay pending. */
    void complete(Instant now) {
        WorkflowMove.COMPLETE.requireFrom(status);
        List<StepState> changed = new ArrayList<>();
        for (StepState s : steps) {
            changed.add(s.done() ? s : s.step() == WorkflowStep.MONITOR || s.status() == StepStatus.RUNNING
                    ? s.ran(StepStatus.DONE, s.step() == WorkflowStep.MONITOR ? "The campaign ended" : s.message(), now)
                    : s);
        }
        this.steps = changed;
        this.status = Status.COMPLETED;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    /** Whether the move applies now; a move already made (an event delivered twice) or too late does not. */
    boolean allows(WorkflowMove move) {
        return move.allowedFrom(status);
    }

    UUID getCampaignId() {
        return campaignId;
    }

    Status getStatus() {
        return status;
    }

    List<StepState> getSteps() {
        return steps;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }
}
