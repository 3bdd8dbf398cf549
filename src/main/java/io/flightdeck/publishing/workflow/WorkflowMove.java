package io.flightdeck.publishing.workflow;

import io.flightdeck.publishing.workflow.CampaignWorkflow.Status;
import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

/** A campaign workflow's moves: a running one pauses, a paused one resumes, either completes; a completed one stays. */
enum WorkflowMove implements RuledMove<Status> {
    PAUSE(MoveRule.of(Status.RUNNING)),
    RESUME(MoveRule.of(Status.PAUSED)),
    COMPLETE(MoveRule.of(Status.RUNNING, Status.PAUSED));

    private final MoveRule<Status> rule;

    WorkflowMove(MoveRule<Status> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<Status> rule() {
        return rule;
    }

    void requireFrom(Status status) {
        requireFrom(status, "workflow");
    }
}
