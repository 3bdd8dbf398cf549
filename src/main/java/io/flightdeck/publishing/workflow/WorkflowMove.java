package io.flightdeck.publishing.workflow;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.publishing.workflow.CampaignWorkflow.Status;
import io.flightdeck.shared.StateMove;

/** A campaign workflow's moves: a running one pauses, a paused one resumes, either completes; a completed one stays. */
enum WorkflowMove implements StateMove<Status> {
    PAUSE(EnumSet.of(Status.RUNNING)),
    RESUME(EnumSet.of(Status.PAUSED)),
    COMPLETE(EnumSet.of(Status.RUNNING, Status.PAUSED));

    private final Set<Status> from;

    WorkflowMove(Set<Status> from) {
        this.from = from;
    }

    @Override
    public boolean allowedFrom(Status status) {
        return from.contains(status);
    }

    void requireFrom(Status status) {
        requireFrom(status, "workflow");
    }
}
